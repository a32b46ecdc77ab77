package io.numicoin.mempool.pool;

import io.numicoin.events.MempoolEvent.RemovalReason;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The pool of pending transfers, validated against the tip: the rules that need state (nonce
 * sequence per sender, balance covering the sender's pending transactions, fee rate at least the
 * rolling minimum, expiry, per-sender limits, replace-by-fee, size limit with eviction of the lowest
 * fee rate and its dependants). Stateless rules (signatures) are checked before, by {@link Admission}.
 * Pure and thread-safe (one lock); time comes from the injected clock; it performs no IO — account
 * state is passed in.
 */
public final class Mempool {

    private static final Comparator<PoolEntry> LOWEST_RATE_FIRST = Comparator.comparingLong((PoolEntry e) -> e.feeRate())
            .thenComparing(Comparator.comparingLong((PoolEntry e) -> e.arrivalMillis()).reversed())
            .thenComparing(PoolEntry::txid);

    private final PoolLimits limits;
    private final Clock clock;
    private final RollingMinimumFee minFee;
    private final Map<Hash256, PoolEntry> byTxid = new HashMap<>();
    private final Map<Address, SenderQueue> senders = new HashMap<>();
    private final TreeSet<PoolEntry> byRate = new TreeSet<>(LOWEST_RATE_FIRST);
    private long totalBytes;
    private ChainTip tip;
    private long version;  // counts changes of content or tip: views are cached per version
    private final Map<Address, Long> emptiedQueues = new HashMap<>();  // account nonces of queues the last add emptied
    private final TemplateIndex templateIndex = new TemplateIndex();

    public Mempool(PoolLimits limits, Clock clock, ChainTip tip) {
        this.limits = limits;
        this.clock = clock;
        this.tip = tip;
        this.minFee = new RollingMinimumFee(clock, limits.minFeeRate(), limits.minFeeHalfLife());
    }

    /** Offers {@code entry} (stateless rules already passed) given its sender's account after the tip. */
    public synchronized AddResult add(PoolEntry entry, AccountState account) {
        emptiedQueues.clear();
        Hash256 txid = entry.txid();
        if (byTxid.containsKey(txid)) {
            return AddResult.duplicate(txid);
        }
        if (entry.tx().expiresAt(tip.height() + 1)) {
            return AddResult.invalid(txid, PoolRejectReason.EXPIRED,
                    "expiry height " + entry.tx().expiryHeight() + " is below the next block's " + (tip.height() + 1));
        }
        if (clock.millis() - entry.arrivalMillis() > limits.maxAge().toMillis()) {
            return AddResult.invalid(txid, PoolRejectReason.TOO_OLD, "arrived more than " + limits.maxAge() + " ago");
        }
        if (entry.nonce() <= account.nonce()) {
            return AddResult.invalid(txid, PoolRejectReason.NONCE_TOO_LOW,
                    "nonce " + entry.nonce() + ", the account's is already " + account.nonce());
        }
        SenderQueue queue = senders.get(entry.sender());
        if (queue != null) {
            queue.accountNonce(account.nonce());
            templateIndex.changed(entry.sender());
        }
        PoolEntry old = queue == null ? null : queue.at(entry.nonce());
        long expected = queue == null ? account.nonce() + 1 : queue.nextExpectedNonce();
        if (old == null && entry.nonce() > expected + limits.maxFutureNonces()) {
            return AddResult.invalid(txid, PoolRejectReason.NONCE_TOO_HIGH, "nonce " + entry.nonce() + ", expected "
                    + expected + " (at most " + limits.maxFutureNonces() + " future nonces wait)");
        }
        long minRate = minFee.current();
        if (entry.feeRate() < minRate) {
            return AddResult.invalid(txid, PoolRejectReason.FEE_RATE_TOO_LOW,
                    "fee rate " + entry.feeRate() + " per 1000 bytes, the minimum is " + minRate);
        }
        if (old != null && !paysReplacementBump(entry, old)) {
            return AddResult.invalid(txid, PoolRejectReason.REPLACEMENT_UNDERPAID, "replacing " + old.txid()
                    + " needs fee and fee rate at least " + limits.replacementBumpPercent() + "% higher");
        }
        AddResult senderCheck = checkSenderTotals(entry, old, queue, account);
        if (senderCheck != null) {
            return senderCheck;
        }
        long delta = entry.size() - (old == null ? 0 : old.size());
        if (totalBytes + delta > limits.maxBytes() && !byRate.isEmpty() && entry.feeRate() <= byRate.first().feeRate()) {
            return AddResult.invalid(txid, PoolRejectReason.POOL_FULL,
                    "the pool is full and its lowest fee rate is " + byRate.first().feeRate());
        }
        List<Removal> removed = new ArrayList<>();
        if (old != null) {
            removeOne(old, RemovalReason.REPLACED, removed);
        }
        insert(entry, account.nonce());
        evictOverflow(removed);
        version++;
        if (!byTxid.containsKey(txid)) {
            return new AddResult(AddOutcome.INVALID, txid, PoolRejectReason.POOL_FULL, "evicted at once: the pool is full",
                    Optional.empty(), withoutEntry(removed, txid));
        }
        return new AddResult(old == null ? AddOutcome.ADDED : AddOutcome.REPLACED, txid, null,
                old == null ? "added" : "replaced " + old.txid(), Optional.of(entry), removed);
    }

    private boolean paysReplacementBump(PoolEntry entry, PoolEntry old) {
        long factor = 100L + limits.replacementBumpPercent();
        return entry.fee() * 100 >= old.fee() * factor && entry.feeRate() * 100 >= old.feeRate() * factor;
    }

    /** Per-sender count and bytes, and the balance covering every pending transaction of the sender. */
    private AddResult checkSenderTotals(PoolEntry entry, PoolEntry old, SenderQueue queue, AccountState account) {
        int count = 1;
        long bytes = entry.size();
        long cost = entry.cost();
        if (queue != null) {
            for (PoolEntry pending : queue.after(account.nonce())) {
                if (pending != old) {
                    count++;
                    bytes += pending.size();
                    cost += pending.cost();
                }
            }
        }
        if (count > limits.maxPerSenderCount() || bytes > limits.maxPerSenderBytes()) {
            return AddResult.invalid(entry.txid(), PoolRejectReason.SENDER_LIMIT, "the sender would have " + count
                    + " pending transactions of " + bytes + " bytes; at most " + limits.maxPerSenderCount()
                    + " and " + limits.maxPerSenderBytes());
        }
        if (cost > account.balance().units()) {
            return AddResult.invalid(entry.txid(), PoolRejectReason.INSUFFICIENT_BALANCE, "pending amounts and fees of "
                    + cost + " units exceed the balance of " + account.balance().units());
        }
        return null;
    }

    private static List<Removal> withoutEntry(List<Removal> removed, Hash256 txid) {
        return removed.stream().filter(r -> !r.entry().txid().equals(txid)).toList();
    }

    private void insert(PoolEntry entry, long accountNonce) {
        byTxid.put(entry.txid(), entry);
        byRate.add(entry);
        senders.computeIfAbsent(entry.sender(), a -> new SenderQueue(accountNonce)).put(entry);
        totalBytes += entry.size();
        templateIndex.changed(entry.sender());
    }

    private void evictOverflow(List<Removal> removed) {
        while (totalBytes > limits.maxBytes() && !byRate.isEmpty()) {
            PoolEntry lowest = byRate.first();
            minFee.raiseAbove(lowest.feeRate());
            removeWithDependants(lowest, RemovalReason.EVICTED, removed);
        }
    }

    private void removeWithDependants(PoolEntry entry, RemovalReason reason, List<Removal> removed) {
        SenderQueue queue = senders.get(entry.sender());
        List<PoolEntry> later = queue == null ? List.of() : queue.after(entry.nonce());
        removeOne(entry, reason, removed);
        for (PoolEntry dependant : later) {
            removeOne(dependant, reason, removed);
        }
    }

    private void removeOne(PoolEntry entry, RemovalReason reason, List<Removal> removed) {
        if (byTxid.remove(entry.txid()) == null) {
            return;
        }
        byRate.remove(entry);
        totalBytes -= entry.size();
        SenderQueue queue = senders.get(entry.sender());
        queue.remove(entry);
        templateIndex.changed(entry.sender());
        if (queue.isEmpty()) {
            senders.remove(entry.sender());
            emptiedQueues.put(entry.sender(), queue.accountNonce());
        }
        removed.add(new Removal(entry, reason));
        version++;
    }

    /**
     * Undoes {@code result}, the last {@link #add}, whose write to the store failed: the removed
     * entries come back as they were and the added one leaves, so memory agrees with the store again.
     * Call under the same lock as the add, before any other change.
     */
    public synchronized void revert(AddResult result) {
        result.added().ifPresent(entry -> removeOne(entry, RemovalReason.INVALID, new ArrayList<>()));
        for (Removal removal : result.removed()) {
            PoolEntry entry = removal.entry();
            if (!byTxid.containsKey(entry.txid())) {
                SenderQueue queue = senders.get(entry.sender());
                long accountNonce = queue != null ? queue.accountNonce()
                        : emptiedQueues.getOrDefault(entry.sender(), entry.nonce() - 1);
                insert(entry, accountNonce);
            }
        }
        version++;
    }

    /** Changes so far (content or tip); equal versions mean the same pool. */
    public synchronized long version() {
        return version;
    }

    /**
     * {@code block} became the tip: its transfers leave (INCLUDED_IN_BLOCK; another pending transaction
     * of the same sender and nonce: CONFLICT), the senders in {@code accounts} are re-checked against
     * their new state, expired and too old transactions leave.
     */
    public synchronized List<Removal> blockConnected(ChainTip newTip, Block block, Map<Address, AccountState> accounts) {
        tip = newTip;
        version++;
        emptiedQueues.clear();
        List<Removal> removed = new ArrayList<>();
        for (Transaction tx : block.transactions()) {
            if (tx instanceof TransferTx transfer) {
                PoolEntry included = byTxid.get(TransactionCodec.txid(transfer));
                if (included != null) {
                    removeOne(included, RemovalReason.INCLUDED_IN_BLOCK, removed);
                } else {
                    SenderQueue queue = senders.get(transfer.sender());
                    PoolEntry conflict = queue == null ? null : queue.at(transfer.nonce());
                    if (conflict != null) {
                        removeOne(conflict, RemovalReason.CONFLICT, removed);
                    }
                }
            }
        }
        removed.addAll(revalidateLocked(accounts));
        removed.addAll(expireLocked());
        return removed;
    }

    /** {@code block} was disconnected: the tip moves back. The caller offers its transfers again. */
    public synchronized void blockDisconnected(ChainTip newTip) {
        tip = newTip;
        version++;
    }

    /** Re-checks the given senders' pending transactions against their state: used nonces and unaffordable ones leave (INVALID). */
    public synchronized List<Removal> revalidate(Map<Address, AccountState> accounts) {
        emptiedQueues.clear();
        return revalidateLocked(accounts);
    }

    private List<Removal> revalidateLocked(Map<Address, AccountState> accounts) {
        List<Removal> removed = new ArrayList<>();
        accounts.forEach((address, account) -> {
            SenderQueue queue = senders.get(address);
            if (queue == null) {
                return;
            }
            queue.accountNonce(account.nonce());
            templateIndex.changed(address);
            long spent = 0;
            for (PoolEntry entry : queue.entries()) {
                if (entry.nonce() <= account.nonce()) {
                    removeOne(entry, RemovalReason.INVALID, removed);
                    continue;
                }
                spent += entry.cost();
                if (spent > account.balance().units()) {
                    removeWithDependants(entry, RemovalReason.INVALID, removed);
                    break;
                }
            }
        });
        return removed;
    }

    /** Removes what expires before the next block or arrived longer than the maximum age ago (EXPIRED). */
    public synchronized List<Removal> expire() {
        emptiedQueues.clear();
        return expireLocked();
    }

    private List<Removal> expireLocked() {
        long nextHeight = tip.height() + 1;
        long oldest = clock.millis() - limits.maxAge().toMillis();
        List<PoolEntry> expired = byTxid.values().stream()
                .filter(e -> e.tx().expiresAt(nextHeight) || e.arrivalMillis() < oldest).toList();
        List<Removal> removed = new ArrayList<>();
        expired.forEach(e -> removeOne(e, RemovalReason.EXPIRED, removed));
        return removed;
    }

    public synchronized Optional<PoolEntry> get(Hash256 txid) {
        return Optional.ofNullable(byTxid.get(txid));
    }

    public synchronized ChainTip tip() {
        return tip;
    }

    public synchronized long minFeeRate() {
        return minFee.current();
    }

    public synchronized int count() {
        return byTxid.size();
    }

    public synchronized long bytes() {
        return totalBytes;
    }

    public PoolLimits limits() {
        return limits;
    }

    /** The sender's pending transactions and the nonce that follows them; {@link SenderPending#NONE} when none are pending. */
    public synchronized SenderPending pending(Address sender) {
        SenderQueue queue = senders.get(sender);
        if (queue == null || queue.isEmpty()) {
            return SenderPending.NONE;
        }
        return new SenderPending(queue.count(), queue.accountNonce(), queue.nextExpectedNonce());
    }

    /** The senders with pending transactions. */
    public synchronized List<Address> senders() {
        return List.copyOf(senders.keySet());
    }

    /** Every entry, highest fee rate first. */
    public synchronized List<PoolEntry> byRateDescending() {
        return new ArrayList<>(byRate.descendingSet());
    }

    /**
     * A block template on the current tip, from the senders' first candidates kept as transactions come
     * and go ({@link TemplateIndex}): only the senders changed since the last template are looked at
     * again, and the greedy choice reads only the candidates it reaches. The same choice as
     * {@link TemplateBuilder#build} from {@link #includableRuns()}.
     */
    public synchronized Template template(long maxBytes, int maxTransactions) {
        templateIndex.refresh(senders);
        return TemplateBuilder.choose(tip, templateIndex.firsts(), templateIndex.smallest(), maxBytes, maxTransactions);
    }

    /** Each sender's includable run (account nonce + 1, + 2, ... without a gap), for templates. */
    public synchronized List<List<PoolEntry>> includableRuns() {
        List<List<PoolEntry>> runs = new ArrayList<>(senders.size());
        for (SenderQueue queue : senders.values()) {
            List<PoolEntry> run = queue.includableRun();
            if (!run.isEmpty()) {
                runs.add(run);
            }
        }
        return runs;
    }
}
