package io.numicoin.bench;

import io.numicoin.protocol.difficulty.AsertDifficulty;
import io.numicoin.protocol.difficulty.DifficultyAlgorithm;
import io.numicoin.protocol.difficulty.DifficultyParams;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.time.MedianTimePast;
import io.numicoin.protocol.time.TimeRules;
import java.math.BigInteger;
import java.util.Random;

/**
 * The first 24 hours of mainnet, launched {@value #LATE_LAUNCH_DAYS} days after its genesis time, with
 * mainnet's own difficulty rule (ASERT anchored at block 1, the launch's initial target). The hash
 * rate is constant from the launch; solve times are exponential with mean {@code work / hashrate}.
 * Prints, averaged over {@value #SEEDS} seeded runs:
 * <ul>
 *   <li>{@code difficulty.launch.blocks_24h_over_schedule}: blocks found in 24 h at the expected hash rate
 *       (the one the initial target was set for) over the schedule's 2,880; 1 means no catch-up burst;</li>
 *   <li>{@code difficulty.launch.extra_blocks_1000x}: blocks beyond 2,880 that a miner with 1,000 times the
 *       expected hash rate (and no one else) gets in those 24 h, honest timestamps;</li>
 *   <li>{@code difficulty.launch.extra_blocks_1000x_future_stamps}: the same miner stamping block 1 honestly
 *       and every later block at the future limit (300 s of schedule credit);</li>
 *   <li>{@code difficulty.launch.genesis_anchored.blocks_24h_over_schedule}: for comparison, the rule this
 *       replaced (ASERT anchored at a genesis with the easiest target) at the expected hash rate: the
 *       catch-up burst.</li>
 * </ul>
 */
final class LaunchSimulation implements BenchPart {

    static final int LATE_LAUNCH_DAYS = 3;
    static final int SEEDS = 8;
    private static final long DAY = 24 * 3600;
    private static final long SEED = 0x4c41554eL; // "LAUN"

    @Override
    public String name() {
        return "difficulty simulation, mainnet launch";
    }

    @Override
    public void run(FigureSink out) {
        NetworkParams mainnet = NetworkParams.mainnet();
        DifficultyParams difficulty = mainnet.difficulty();
        long spacing = difficulty.targetSpacingSeconds();
        double expected = DifficultyParams.MAINNET_INITIAL_TARGET.work().doubleValue() / spacing;
        double schedule = (double) DAY / spacing;
        CompactTarget genesisTarget = mainnet.genesis().header().target();
        DifficultyAlgorithm asert = difficulty.algorithm();
        AsertDifficulty legacy = new AsertDifficulty(spacing, DifficultyParams.HALF_LIFE_BLOCKS * spacing, difficulty.powLimit(),
                genesisTarget);
        DifficultyAlgorithm genesisAnchored = chain -> {
            var anchor = chain.atHeight(0);
            var parent = chain.tip();
            return CompactTarget.fromTarget(legacy.target(anchor.target().toTarget(),
                    parent.timestamp() - (anchor.timestamp() - spacing), parent.height()));
        };

        out.report("difficulty.launch.expected_hashrate", expected, "per_s");
        out.report("difficulty.launch.blocks_24h_over_schedule",
                mean(asert, genesisTarget, expected, false) / schedule, "ratio");
        out.report("difficulty.launch.extra_blocks_1000x", mean(asert, genesisTarget, 1_000 * expected, false) - schedule, "blocks");
        out.report("difficulty.launch.extra_blocks_1000x_future_stamps",
                mean(asert, genesisTarget, 1_000 * expected, true) - schedule, "blocks");
        out.report("difficulty.launch.genesis_anchored.blocks_24h_over_schedule",
                mean(genesisAnchored, genesisTarget, expected, false) / schedule, "ratio");
    }

    private static double mean(DifficultyAlgorithm algorithm, CompactTarget genesisTarget, double hashrate, boolean futureStamps) {
        double sum = 0;
        for (int s = 0; s < SEEDS; s++) {
            sum += blocksInFirstDay(algorithm, genesisTarget, hashrate, futureStamps, new Random(SEED + s));
        }
        return sum / SEEDS;
    }

    /** Blocks found in the 24 h after a launch {@value #LATE_LAUNCH_DAYS} days after the genesis time. */
    static int blocksInFirstDay(DifficultyAlgorithm algorithm, CompactTarget genesisTarget, double hashrate,
            boolean futureStamps, Random random) {
        long genesisTime = NetworkParams.mainnet().genesis().header().timestamp();
        SimulatedChain chain = new SimulatedChain(genesisTime, genesisTarget);
        double launch = genesisTime + LATE_LAUNCH_DAYS * DAY;
        double now = launch;
        int blocks = 0;
        while (true) {
            CompactTarget target = algorithm.nextTarget(chain);
            BigInteger work = target.work();
            now += -Math.log(1 - random.nextDouble()) * work.doubleValue() / hashrate;
            if (now > launch + DAY) {
                return blocks;
            }
            boolean afterAnchor = chain.tip().height() >= AsertDifficulty.ANCHOR_HEIGHT;
            long stamp = futureStamps && afterAnchor ? (long) now + TimeRules.MAX_FUTURE_SECONDS : (long) now;
            chain.append(Math.max(stamp, MedianTimePast.of(chain) + 1), target);
            blocks++;
        }
    }
}
