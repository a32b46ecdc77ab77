package io.numicoin.mempool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.TestKeys;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The template the pool keeps as transactions come and go ({@link Mempool#template}) equals the one
 * rebuilt from scratch ({@link TemplateBuilder#build} from {@link Mempool#includableRuns()}) after
 * every step of seeded random sequences of adds, replacements, reverted adds, evictions (a small
 * pool in odd seeds), blocks connected (included, conflicting, balances dropped), blocks
 * disconnected with their transfers offered again, revalidation and expiry.
 */
class IncrementalTemplateTest {

    private static final int SENDERS = 30;
    private static final long RICH = 1_000_000_000_000L;

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 24);
    }

    private record Connected(ChainTip before, Block block, Map<Address, AccountState> accountsBefore) {
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void keptTemplateEqualsTheRebuiltOneAfterEveryStep(long seed) {
        Random random = new Random(seed);
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        PoolLimits limits = seed % 2 == 1 ? PoolLimits.DEFAULTS.withMaxBytes(40_000) : PoolLimits.DEFAULTS;
        ChainTip tip = new ChainTip(hash(random), 100);
        Mempool pool = new Mempool(limits, clock, tip);
        Map<Address, AccountState> accounts = new HashMap<>();
        for (int s = 0; s < SENDERS; s++) {
            accounts.put(address(s), new AccountState(Amount.ofUnits(RICH), random.nextInt(3)));
        }
        Deque<Connected> connected = new ArrayDeque<>();
        int changes = 0;
        for (int step = 0; step < 400; step++) {
            int op = random.nextInt(100);
            if (op < 55) {
                changes += add(pool, accounts, random, clock, tip) ? 1 : 0;
            } else if (op < 65) {
                changes += replace(pool, accounts, random, clock) ? 1 : 0;
            } else if (op < 70) {
                Address sender = address(random.nextInt(SENDERS));
                AddResult result = pool.add(entry(random, sender, nextNonce(pool, accounts, sender, random), 0, clock), accounts.get(sender));
                if (result.isAccepted()) {
                    pool.revert(result);
                    changes++;
                }
            } else if (op < 82) {
                Connected block = connect(pool, accounts, random, tip);
                connected.push(block);
                tip = pool.tip();
                changes++;
            } else if (op < 88 && !connected.isEmpty()) {
                Connected last = connected.pop();
                pool.blockDisconnected(last.before());
                tip = last.before();
                accounts.putAll(last.accountsBefore());
                for (Transaction tx : last.block().transactions()) {
                    if (tx instanceof TransferTx transfer) {
                        pool.add(PoolEntry.of(transfer, clock.millis()), accounts.get(transfer.sender()));
                    }
                }
                changes++;
            } else if (op < 94) {
                Address sender = address(random.nextInt(SENDERS));
                AccountState poorer = new AccountState(Amount.ofUnits(random.nextInt(3) == 0 ? 30_000 : RICH),
                        accounts.get(sender).nonce() + random.nextInt(2));
                accounts.put(sender, poorer);
                pool.revalidate(Map.of(sender, poorer));
                changes++;
            } else {
                clock.advance(Duration.ofHours(random.nextInt(100)));
                pool.expire();
                changes++;
            }
            for (int probe = 0; probe < 3; probe++) {
                long maxBytes = 1_500 + random.nextInt(probe == 0 ? 3_000_000 : 30_000);
                int maxTx = 1 + random.nextInt(probe == 0 ? 10_000 : 25);
                assertThat(pool.template(maxBytes, maxTx))
                        .as("seed %d, step %d (operation %d), limits %d bytes / %d tx", seed, step, op, maxBytes, maxTx)
                        .isEqualTo(TemplateBuilder.build(pool.tip(), pool.includableRuns(), maxBytes, maxTx));
            }
        }
        assertThat(changes).as("the sequence changed the pool").isGreaterThan(100);
    }

    private static boolean add(Mempool pool, Map<Address, AccountState> accounts, Random random, MutableClock clock, ChainTip tip) {
        Address sender = address(random.nextInt(SENDERS));
        long expiry = random.nextInt(8) == 0 ? tip.height() + 1 + random.nextInt(4) : 0;
        PoolEntry entry = entry(random, sender, nextNonce(pool, accounts, sender, random), expiry, clock);
        return pool.add(entry, accounts.get(sender)).isAccepted();
    }

    private static boolean replace(Mempool pool, Map<Address, AccountState> accounts, Random random, MutableClock clock) {
        List<PoolEntry> pending = pool.byRateDescending();
        if (pending.isEmpty()) {
            return false;
        }
        PoolEntry old = pending.get(random.nextInt(pending.size()));
        long fee = old.fee() * 2 + random.nextInt(100_000);
        TransferTx tx = new TransferTx(1, old.sender(), old.nonce(), TestKeys.address(90), Amount.ofUnits(1), Amount.ofUnits(fee),
                0, Bytes.of(new byte[random.nextInt(100)]), TestKeys.policy(1), List.of());
        return pool.add(PoolEntry.of(tx, clock.millis()), accounts.get(old.sender())).isAccepted();
    }

    /** A block with a prefix of some senders' includable runs and sometimes a conflicting transfer; a sender's balance may drop. */
    private static Connected connect(Mempool pool, Map<Address, AccountState> accounts, Random random, ChainTip tip) {
        List<Transaction> txs = new ArrayList<>();
        Map<Address, AccountState> before = new HashMap<>();
        for (List<PoolEntry> run : pool.includableRuns()) {
            if (random.nextInt(3) != 0) {
                continue;
            }
            Address sender = run.getFirst().sender();
            int take = 1 + random.nextInt(run.size());
            for (int i = 0; i < take; i++) {
                txs.add(run.get(i).tx());
            }
            before.put(sender, accounts.get(sender));
            accounts.put(sender, new AccountState(accounts.get(sender).balance(), run.get(take - 1).nonce()));
        }
        Address other = address(random.nextInt(SENDERS));
        if (!before.containsKey(other) && random.nextBoolean()) {
            long nonce = accounts.get(other).nonce() + 1;  // a transfer the pool has not seen: a conflict if one is pending
            txs.add(new TransferTx(1, other, nonce, TestKeys.address(91), Amount.ofUnits(2), Amount.ofUnits(7_000),
                    0, Bytes.EMPTY, TestKeys.policy(1), List.of()));
            before.put(other, accounts.get(other));
            accounts.put(other, new AccountState(accounts.get(other).balance(), nonce));
        }
        Address poorer = address(random.nextInt(SENDERS));
        if (random.nextInt(4) == 0) {
            before.putIfAbsent(poorer, accounts.get(poorer));
            accounts.put(poorer, new AccountState(Amount.ofUnits(20_000 + random.nextInt(60_000)), accounts.get(poorer).nonce()));
        }
        Hash256 filler = hash(random);
        BlockHeader header = new BlockHeader(BlockHeader.CURRENT_VERSION, tip.height() + 1, tip.id(), filler, filler,
                1_700_000_000L, CompactTarget.fromTarget(BigInteger.ONE.shiftLeft(240)), 0);
        Block block = new Block(header, txs);
        Map<Address, AccountState> after = new HashMap<>();
        before.keySet().forEach(a -> after.put(a, accounts.get(a)));
        pool.blockConnected(new ChainTip(hash(random), tip.height() + 1), block, after);
        return new Connected(tip, block, before);
    }

    /** Mostly the sender's next nonce, sometimes one already pending (a replacement try) or a gap. */
    private static long nextNonce(Mempool pool, Map<Address, AccountState> accounts, Address sender, Random random) {
        SenderPending pending = pool.pending(sender);
        long next = pending.count() == 0 ? accounts.get(sender).nonce() + 1 : pending.nextNonce();
        return switch (random.nextInt(10)) {
            case 0 -> next + 1 + random.nextInt(3);
            case 1 -> Math.max(accounts.get(sender).nonce() + 1, next - 1);
            default -> next;
        };
    }

    private static PoolEntry entry(Random random, Address sender, long nonce, long expiry, MutableClock clock) {
        // few distinct fees, so equal package rates (ties) occur
        long fee = 5_000L * (1 + random.nextInt(random.nextBoolean() ? 4 : 60));
        TransferTx tx = new TransferTx(1, sender, nonce, TestKeys.address(90), Amount.ofUnits(1), Amount.ofUnits(fee),
                expiry, Bytes.of(new byte[random.nextBoolean() ? 0 : random.nextInt(250)]), TestKeys.policy(1), List.of());
        return PoolEntry.of(tx, clock.millis() - random.nextInt(1_000_000));
    }

    private static Address address(int sender) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) sender;
        bytes[31] = 9;
        return new Address(Hash256.of(bytes));
    }

    private static Hash256 hash(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Hash256.of(bytes);
    }
}
