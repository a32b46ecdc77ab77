package io.numicoin.mempool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.TestKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Templates keep each sender's nonce order without gaps and stay within the limits (seeded random pools). */
class TemplateBuilderTest {

    private static final ChainTip TIP = new ChainTip(Hash256.ZERO, 100);

    /** An unsigned transfer: the pool core does not verify signatures (Admission does), so templates can be tested without them. */
    private static TransferTx transfer(int sender, long nonce, long fee, int memoBytes) {
        return new TransferTx(1, address(sender), nonce, TestKeys.address(90), Amount.ofUnits(1), Amount.ofUnits(fee),
                0, Bytes.of(new byte[memoBytes]), TestKeys.policy(1), List.of());
    }

    private static Address address(int sender) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) (sender >> 8);
        bytes[1] = (byte) sender;
        bytes[31] = 7;
        return new Address(Hash256.of(bytes));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void neverBreaksNonceOrderNorLimits(long seed) {
        Random random = new Random(seed);
        Mempool pool = new Mempool(PoolLimits.DEFAULTS, new MutableClock(Instant.EPOCH), TIP);
        Map<Address, Long> accountNonces = new HashMap<>();
        int senders = 1 + random.nextInt(40);
        for (int s = 0; s < senders; s++) {
            long accountNonce = random.nextInt(5);
            accountNonces.put(address(s), accountNonce);
            AccountState account = new AccountState(Amount.ofUnits(1_000_000_000_000L), accountNonce);
            int count = 1 + random.nextInt(12);
            for (int i = 1; i <= count; i++) {
                long nonce = accountNonce + i + (random.nextInt(10) == 0 ? 2 : 0); // sometimes a gap
                TransferTx tx = transfer(s, nonce, 2_000 + random.nextInt(200_000), random.nextInt(200));
                pool.add(PoolEntry.of(tx, 0), account);
            }
        }
        long maxBytes = 2_500 + random.nextInt(60_000); // above the largest transaction here (about 2.3 KB)
        int maxTx = 1 + random.nextInt(80);

        Template template = TemplateBuilder.build(TIP, pool.includableRuns(), maxBytes, maxTx);

        assertThat(template.transactions()).hasSizeLessThanOrEqualTo(maxTx);
        assertThat(template.totalBytes()).isLessThanOrEqualTo(maxBytes)
                .isEqualTo(template.transactions().stream().mapToLong(PoolEntry::size).sum());
        assertThat(template.totalFees()).isEqualTo(template.transactions().stream().mapToLong(PoolEntry::fee).sum());
        Map<Address, Long> next = new HashMap<>();
        accountNonces.forEach((a, n) -> next.put(a, n + 1));
        for (PoolEntry entry : template.transactions()) {
            assertThat(entry.nonce()).as("nonce of %s", entry.sender()).isEqualTo(next.get(entry.sender()));
            next.put(entry.sender(), entry.nonce() + 1);
        }
        assertThat(template.transactions()).doesNotHaveDuplicates();
        if (!pool.includableRuns().isEmpty()) {
            assertThat(template.transactions()).isNotEmpty();
        }
    }

    @Test
    void takesACheapParentWhenItsChildPaysForBoth() {
        Mempool pool = new Mempool(PoolLimits.DEFAULTS.withPerSender(64, 1 << 20), new MutableClock(Instant.EPOCH), TIP);
        AccountState account = new AccountState(Amount.ofUnits(1_000_000_000L), 0);
        pool.add(PoolEntry.of(transfer(1, 1, 6_000, 0), 0), account);   // parent: low rate
        pool.add(PoolEntry.of(transfer(1, 2, 90_000, 0), 0), account);  // child: pays for both
        pool.add(PoolEntry.of(transfer(2, 1, 30_000, 0), 0), account);  // a middling single
        int size = PoolEntry.of(transfer(1, 1, 6_000, 0), 0).size();

        Template all = TemplateBuilder.build(TIP, pool.includableRuns(), 10L * size, 10);
        assertThat(all.transactions()).extracting(e -> e.sender(), PoolEntry::nonce).containsExactly(
                org.assertj.core.groups.Tuple.tuple(address(1), 1L),
                org.assertj.core.groups.Tuple.tuple(address(1), 2L),
                org.assertj.core.groups.Tuple.tuple(address(2), 1L));
        assertThat(all.totalFees()).isEqualTo(126_000);

        // room for one: the package does not fit whole, its parent alone pays less than the single
        Template one = TemplateBuilder.build(TIP, pool.includableRuns(), size, 10);
        assertThat(one.transactions()).extracting(e -> e.sender(), PoolEntry::nonce)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(address(2), 1L));
        Template twoTxs = TemplateBuilder.build(TIP, pool.includableRuns(), 10L * size, 2);
        assertThat(twoTxs.transactions()).extracting(PoolEntry::nonce).containsExactly(1L, 2L);
    }
}
