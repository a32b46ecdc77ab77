package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.time.MedianTimePast;
import io.numicoin.protocol.validation.BlockRejectReason;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrong difficulty, missing work and timestamp games are refused at the header. */
class HeaderAttackTest {

    @Test
    void aTargetOtherThanTheRequiredOneIsWrongDifficulty() {
        Scenario s = new Scenario();
        Block tip = s.mineAndImport(3, 1).getLast();
        BigInteger required = tip.header().target().toTarget();
        Block harder = s.builder.child(tip).target(CompactTarget.fromTarget(required.shiftRight(1))).build();
        s.assertRejected(harder, BlockRejectReason.WRONG_DIFFICULTY);
        s.assertTipAndState(tip);
    }

    @Test
    void aHeaderWithoutEnoughWorkIsRejectedAndNotRemembered() {
        Scenario s = new Scenario();
        Block tip = s.mineAndImport(2, 1).getLast();
        Block lazy = s.builder.child(tip).withoutProofOfWork().build();
        s.assertRejected(lazy, BlockRejectReason.INSUFFICIENT_PROOF_OF_WORK);
        assertThat(s.chain.tree().contains(Scenario.id(lazy))).isFalse();
    }

    @Test
    void aTimestampAtOrBeforeMedianTimePastIsRejected() {
        Scenario s = new Scenario();
        List<Block> blocks = s.mineAndImport(11, 1);
        Block tip = blocks.getLast();
        long median = blocks.get(5).header().timestamp();
        Block atMedian = s.builder.child(tip).timestamp(median).build();
        s.assertRejected(atMedian, BlockRejectReason.TIMESTAMP_NOT_AFTER_MEDIAN_TIME_PAST);
        Block justAfter = s.builder.child(tip).timestamp(median + 1).build();
        assertThat(s.chain.importBlock(justAfter, tip.header().timestamp()).outcome())
                .isEqualTo(BlockImportResult.Outcome.CONNECTED);
    }

    @Test
    void aTimestampBeyondTheFutureLimitIsRefusedUntilTheClockCatchesUp() {
        Scenario s = new Scenario();
        Block tip = s.mineAndImport(2, 1).getLast();
        long now = tip.header().timestamp();
        long limit = s.builder.params().maxFutureSeconds();
        Block early = s.builder.child(tip).timestamp(now + limit + 1).build();
        BlockImportResult refused = s.chain.importBlock(early, now);
        assertThat(refused.outcome()).isEqualTo(BlockImportResult.Outcome.INVALID);
        assertThat(refused.rejection().orElseThrow().reason()).isEqualTo(BlockRejectReason.TIMESTAMP_TOO_FAR_IN_FUTURE);
        // Not remembered as invalid: the same block is fine a second later.
        assertThat(s.chain.importBlock(early, now + 1).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        Block atLimit = s.builder.child(early).timestamp(now + 1 + limit).build();
        assertThat(s.chain.importBlock(atLimit, now + 1).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
    }

    @Test
    void medianTimePastMatchesTheBranch() {
        Scenario s = new Scenario();
        List<Block> blocks = s.mineAndImport(11, 1);
        assertThat(MedianTimePast.of(s.chain.tree().branch(Scenario.id(blocks.getLast()))))
                .isEqualTo(blocks.get(5).header().timestamp());
    }
}
