package io.numicoin.mempool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.events.MempoolEvent.RemovalReason;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentRemovalsTest {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();

    private static PoolEntry entry(int nonce) {
        return PoolEntry.of(CHAIN.transfer(1, TestKeys.address(90), 1000, 20_000, nonce), 0);
    }

    @Test
    void remembersWhyAndAtWhichHeightATransactionLeft() {
        RecentRemovals recent = new RecentRemovals(10);
        PoolEntry mined = entry(1);
        PoolEntry replaced = entry(2);
        recent.record(List.of(new Removal(mined, RemovalReason.INCLUDED_IN_BLOCK)), 7, 1_000);
        recent.record(List.of(new Removal(replaced, RemovalReason.REPLACED)), 7, 2_000);

        assertThat(recent.departure(mined.txid())).contains(new RecentRemovals.Departure(RemovalReason.INCLUDED_IN_BLOCK, 7, 1_000));
        assertThat(recent.departure(replaced.txid())).contains(new RecentRemovals.Departure(RemovalReason.REPLACED, 7, 2_000));
        assertThat(recent.departure(entry(3).txid())).isEmpty();
    }

    @Test
    void keepsTheNewestRecordsUpToItsCapacity() {
        RecentRemovals recent = new RecentRemovals(3);
        List<PoolEntry> entries = List.of(entry(1), entry(2), entry(3), entry(4));
        for (int i = 0; i < 3; i++) {
            recent.record(List.of(new Removal(entries.get(i), RemovalReason.EXPIRED)), i, i);
        }
        // the first leaves again (re-added by a reorganisation, then mined): its record is now the newest
        recent.record(List.of(new Removal(entries.get(0), RemovalReason.INCLUDED_IN_BLOCK)), 9, 9);
        recent.record(List.of(new Removal(entries.get(3), RemovalReason.EVICTED)), 10, 10);

        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.departure(entries.get(1).txid())).isEmpty();
        assertThat(recent.departure(entries.get(0).txid())).map(RecentRemovals.Departure::reason).contains(RemovalReason.INCLUDED_IN_BLOCK);
        assertThat(recent.departure(entries.get(2).txid())).isPresent();
        assertThat(recent.departure(entries.get(3).txid())).isPresent();
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThatThrownBy(() -> new RecentRemovals(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
