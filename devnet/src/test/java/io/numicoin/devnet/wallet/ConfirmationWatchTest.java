package io.numicoin.devnet.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.events.MempoolEvent.RemovalReason;
import io.numicoin.support.problem.Problem;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConfirmationWatchTest {

    private static final MempoolTxState PENDING = new MempoolTxState.Pending();
    private static final MempoolTxState UNKNOWN = new MempoolTxState.Unknown();

    /**
     * The compose stack's failure (CI, stop 30): the mempool dropped the transfer for the block that took it
     * while the node the gateway asked had not imported that block yet. That is no reason to give up.
     */
    @Test
    void aBlockTheNodeDoesNotShowYetMeansWaitNotGone() {
        ConfirmationWatch watch = new ConfirmationWatch();
        assertThat(watch.observe(-1, PENDING)).isEqualTo(new ConfirmationWatch.Waiting(""));
        MempoolTxState mined = new MempoolTxState.Removed(RemovalReason.INCLUDED_IN_BLOCK, 42);
        assertThat(watch.observe(-1, mined)).isInstanceOf(ConfirmationWatch.Waiting.class)
                .extracting(v -> ((ConfirmationWatch.Waiting) v).note()).asString().contains("block 42");
        assertThat(watch.observe(-1, mined)).isEqualTo(new ConfirmationWatch.Waiting(""));  // said once
        assertThat(watch.observe(42, mined)).isEqualTo(new ConfirmationWatch.Confirmed(42));
    }

    @ParameterizedTest
    @EnumSource(value = RemovalReason.class, names = "INCLUDED_IN_BLOCK", mode = EnumSource.Mode.EXCLUDE)
    void theMempoolsWordThatItWillNotBeMinedEndsTheWait(RemovalReason reason) {
        ConfirmationWatch watch = new ConfirmationWatch();
        assertThat(watch.observe(-1, PENDING)).isInstanceOf(ConfirmationWatch.Waiting.class);
        assertThat(watch.observe(-1, new MempoolTxState.Removed(reason, 9))).isInstanceOf(ConfirmationWatch.Gone.class)
                .extracting(v -> ((ConfirmationWatch.Gone) v).why()).asString().contains(reason.name()).contains("height 9");
    }

    @Test
    void anUnknownOrSilentMempoolIsNoVerdict() {
        ConfirmationWatch watch = new ConfirmationWatch();
        assertThat(watch.observe(-1, PENDING)).isInstanceOf(ConfirmationWatch.Waiting.class);
        assertThat(watch.observe(-1, UNKNOWN)).isEqualTo(new ConfirmationWatch.Waiting(""));
        assertThat(watch.observe(-1, null)).isEqualTo(new ConfirmationWatch.Waiting(""));
        assertThat(watch.observe(3, null)).isEqualTo(new ConfirmationWatch.Confirmed(3));
    }

    @Test
    void readsTheMempoolsNotPendingProblem() {
        assertThat(MempoolTxState.notPending(new Problem(404, "REMOVED", "",
                Map.of("reason", "REPLACED", "tipHeight", "17", "removedAt", "2026-12-07T21:07:50Z"))))
                .isEqualTo(new MempoolTxState.Removed(RemovalReason.REPLACED, 17));
        assertThat(MempoolTxState.notPending(new Problem(404, "UNKNOWN_TRANSACTION", "", Map.of())))
                .isEqualTo(UNKNOWN);
        // a reason this wallet does not know (a newer mempool), or a broken height: keep waiting
        assertThat(MempoolTxState.notPending(new Problem(404, "REMOVED", "", Map.of("reason", "SOMETHING_NEW", "tipHeight", "1"))))
                .isEqualTo(UNKNOWN);
        assertThat(MempoolTxState.notPending(new Problem(404, "REMOVED", "", Map.of("reason", "EXPIRED", "tipHeight", "x"))))
                .isEqualTo(UNKNOWN);
    }
}
