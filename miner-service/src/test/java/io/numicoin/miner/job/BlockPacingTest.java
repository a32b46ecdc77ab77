package io.numicoin.miner.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BlockPacingTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void belowTheHeightBlocksFollowAtFullSpeed() {
        BlockPacing pacing = new BlockPacing(Duration.ofSeconds(5), 110);
        assertThat(pacing.pauseAfter(109, 0, 0)).isZero();
    }

    @Test
    void fromTheHeightTheNextBlockWaitsForTheRestOfTheInterval() {
        BlockPacing pacing = new BlockPacing(Duration.ofSeconds(5), 110);
        assertThat(pacing.pauseAfter(110, 10 * SECOND, 10 * SECOND)).isEqualTo(Duration.ofSeconds(5));
        assertThat(pacing.pauseAfter(111, 10 * SECOND, 12 * SECOND)).isEqualTo(Duration.ofSeconds(3));
        assertThat(pacing.pauseAfter(112, 10 * SECOND, 16 * SECOND)).isZero();
    }

    @Test
    void noneNeverPauses() {
        assertThat(BlockPacing.NONE.pauseAfter(1_000_000, 0, 0)).isZero();
    }

    @Test
    void negativeSettingsAreRefused() {
        assertThatThrownBy(() -> new BlockPacing(Duration.ofSeconds(-1), 0)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new BlockPacing(Duration.ZERO, -1)).hasMessageContaining("from-height");
    }
}
