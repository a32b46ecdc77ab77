package io.numicoin.mempool.service;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.BlockDisconnected;
import io.numicoin.events.ChainEvent;
import io.numicoin.mempool.pool.AccountSource;
import io.numicoin.mempool.pool.AccountState;
import io.numicoin.mempool.pool.AccountUnavailableException;
import io.numicoin.mempool.pool.ChainTip;
import io.numicoin.mempool.pool.FeeEstimator;
import io.numicoin.mempool.pool.Mempool;
import io.numicoin.mempool.store.PoolStore;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code numi.chain.v1} (docs/events.md, consumer rules): an event that is the next in
 * sequence and links to the pool's tip is applied; one at or below the last sequence is a replay and
 * skipped unless it moves the tip on (a block above the tip, or the tip disconnected): then the
 * source's sequence was reset by a failover, and the event is applied if it links, else resynced;
 * anything else (a gap, a step back, a failed-over source) resyncs: the pool adopts the
 * event's tip and re-checks every sender against the node's state. A connected block removes its
 * transactions and re-checks its senders; a disconnected block's transfers are offered again (with
 * full checks) and the accounts it paid are re-checked (their balance went down). The cursor (tip,
 * sequence) is stored after each event. Called from one consumer thread.
 */
public final class ChainFollower {

    private static final Logger log = LoggerFactory.getLogger(ChainFollower.class);

    private final PoolService service;
    private final AccountSource accounts;
    private final FeeEstimator estimator;
    private final PoolStore store;
    private final int chainId;
    private final Clock clock;
    private volatile long lastSequence;
    private volatile boolean tipKnown;

    public ChainFollower(PoolService service, AccountSource accounts, FeeEstimator estimator, PoolStore store,
            int chainId, Clock clock, PoolStore.Cursor start) {
        this.service = service;
        this.accounts = accounts;
        this.estimator = estimator;
        this.store = store;
        this.chainId = chainId;
        this.clock = clock;
        this.lastSequence = start == null ? -1 : start.sequence();
        this.tipKnown = start != null;
    }

    /** Whether the pool has a tip from the chain (or its stored cursor): templates need one. */
    public boolean tipKnown() {
        return tipKnown;
    }

    /** The next chain event is not to be trusted to link (a record could not be decoded): resync on it. */
    public void forceResync() {
        lastSequence = -1;
        tipKnown = false;
    }

    public void apply(ChainEvent event) {
        if (event.meta().chainId() != chainId) {
            throw new IllegalStateException(String.format(
                    "chain event of chain 0x%08x, this mempool follows 0x%08x: misconfiguration", event.meta().chainId(), chainId));
        }
        long sequence = event.meta().sequence();
        Mempool pool = service.pool();
        ChainTip tip = pool.tip();
        if (tipKnown && sequence <= lastSequence && !continuesPastTip(event, tip)) {
            return;  // a replay of what the pool already reflects
        }
        accounts.tipChanged();
        ChainTip after = new ChainTip(event.tipIdAfter(), event.tipHeightAfter());
        boolean links = switch (event) {
            case BlockConnected c -> c.block().header().previousId().equals(tip.id());
            case BlockDisconnected d -> d.blockId().equals(tip.id());
        };
        boolean reset = tipKnown && sequence <= lastSequence;
        if (reset) {
            log.warn("chain event {} has sequence {}, at or below the last applied {}, and moves the pool's tip {}: "
                    + "the event source's sequence was reset (a failover); following it from here", event.blockId(), sequence,
                    lastSequence, tip);
        }
        if (tipKnown && (sequence == lastSequence + 1 || reset) && links) {
            switch (event) {
                case BlockConnected c -> connected(after, c.block());
                case BlockDisconnected d -> disconnected(after, d.block());
            }
        } else {
            log.info("chain event {} (sequence {}) does not follow {} (sequence {}): resync", event.blockId(), sequence,
                    tip, lastSequence);
            resync(after, event);
        }
        lastSequence = sequence;
        tipKnown = true;
        store.saveCursor(new PoolStore.Cursor(after, sequence));
        service.expire();
    }

    /**
     * Whether an event numbered at or below the last applied one changes what the pool reflects (docs/events.md,
     * consumer rule 3: a duplicate is an event already reflected): a block above the tip, or the tip itself taken
     * off. Such an event comes from an event source whose sequence was reset (a failover to another node).
     */
    private static boolean continuesPastTip(ChainEvent event, ChainTip tip) {
        return switch (event) {
            case BlockConnected c -> c.height() > tip.height();
            case BlockDisconnected d -> d.blockId().equals(tip.id());
        };
    }

    private void connected(ChainTip after, Block block) {
        Map<Address, AccountState> fresh = freshAccounts(senders(block));
        service.locked(() -> {
            service.recordRemovals(service.pool().blockConnected(after, block, fresh));
            return null;
        });
        estimator.blockConnected(block);
    }

    private void disconnected(ChainTip after, Block block) {
        service.locked(() -> {
            service.pool().blockDisconnected(after);
            return null;
        });
        long now = clock.millis();
        for (Transaction tx : block.transactions()) {
            if (tx instanceof TransferTx transfer) {
                service.offer(transfer, now);
            }
        }
        Set<Address> paid = new LinkedHashSet<>();
        for (Transaction tx : block.transactions()) {
            switch (tx) {
                case CoinbaseTx coinbase -> paid.add(coinbase.recipient());
                case TransferTx transfer -> paid.add(transfer.recipient());
            }
        }
        revalidate(paid);
    }

    private void resync(ChainTip after, ChainEvent event) {
        Block block = event.block();
        Map<Address, AccountState> fresh = freshAccounts(service.pool().senders());
        service.locked(() -> {
            if (event instanceof BlockConnected) {
                service.recordRemovals(service.pool().blockConnected(after, block, fresh));
            } else {
                service.pool().blockDisconnected(after);
                service.recordRemovals(service.pool().revalidate(fresh));
            }
            return null;
        });
    }

    private void revalidate(Collection<Address> addresses) {
        Map<Address, AccountState> fresh = freshAccounts(addresses);
        service.locked(() -> {
            service.recordRemovals(service.pool().revalidate(fresh));
            return null;
        });
    }

    /** The accounts of the given addresses that have pending transactions; unreadable ones are skipped (re-checked later). */
    private Map<Address, AccountState> freshAccounts(Collection<Address> addresses) {
        Set<Address> pending = Set.copyOf(service.pool().senders());
        Map<Address, AccountState> fresh = new HashMap<>();
        for (Address address : addresses) {
            if (pending.contains(address)) {
                try {
                    fresh.put(address, accounts.account(address));
                } catch (AccountUnavailableException e) {
                    log.warn("cannot re-check {}: {}", address, e.getMessage());
                }
            }
        }
        return fresh;
    }

    private static List<Address> senders(Block block) {
        return block.transactions().stream().filter(TransferTx.class::isInstance)
                .map(tx -> ((TransferTx) tx).sender()).distinct().toList();
    }
}
