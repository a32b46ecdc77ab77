package io.numicoin.protocol.difficulty;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.time.MedianTimePast;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mainnet's difficulty rule at launch, simulated with seeded exponential solve times (the property
 * behind {@code bench/run difficulty}'s {@code difficulty.launch.*}): a launch three days after the
 * genesis time gives no catch-up burst, and a miner with 1,000 times the expected hash rate gets a
 * bounded head start.
 */
class MainnetLaunchTest {

    private static final NetworkParams MAINNET = NetworkParams.mainnet();
    private static final long DAY = 24 * 3600;
    private static final double SCHEDULE = (double) DAY / MAINNET.difficulty().targetSpacingSeconds();
    private static final double EXPECTED_HASHRATE =
            DifficultyParams.MAINNET_INITIAL_TARGET.work().doubleValue() / MAINNET.difficulty().targetSpacingSeconds();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aLateLaunchAtTheExpectedHashRateKeepsToTheSchedule(long seed) {
        int blocks = blocksInFirstDay(EXPECTED_HASHRATE, new Random(seed));
        assertThat(blocks / SCHEDULE).as("%d blocks in the first 24 h", blocks).isBetween(0.95, 1.05);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aThousandTimesTheExpectedHashRateGetsABoundedHeadStart(long seed) {
        int blocks = blocksInFirstDay(1_000 * EXPECTED_HASHRATE, new Random(seed));
        // ASERT needs ~10 half-lives (60 blocks each) ahead of schedule to raise the target 2^10 times.
        assertThat(blocks - SCHEDULE).as("%d blocks in the first 24 h", blocks).isBetween(500.0, 700.0);
    }

    private static int blocksInFirstDay(double hashrate, Random random) {
        DifficultyAlgorithm asert = MAINNET.difficulty().algorithm();
        long genesisTime = MAINNET.genesis().header().timestamp();
        ListHeaderChain chain = ListHeaderChain.genesis(genesisTime, MAINNET.genesis().header().target());
        double launch = genesisTime + 3 * DAY;
        double now = launch;
        int blocks = 0;
        while (true) {
            CompactTarget target = asert.nextTarget(chain);
            now += -Math.log(1 - random.nextDouble()) * target.work().doubleValue() / hashrate;
            if (now > launch + DAY) {
                return blocks;
            }
            chain = chain.extend(Math.max((long) now, MedianTimePast.of(chain) + 1), target);
            blocks++;
        }
    }
}
