package io.numicoin.bench;

import io.numicoin.protocol.difficulty.DifficultyAlgorithm;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.time.MedianTimePast;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;

/**
 * One simulated chain: a difficulty algorithm under one {@link MiningScenario}. Each block's solve
 * time is drawn from the exponential distribution with mean {@code work / hashrate}, work being
 * {@code 2^256 / (target + 1)} of the target the algorithm requires. The branch starts with
 * {@value #PREFILL} blocks exactly on schedule at the tuned difficulty (so windowed algorithms
 * start full); statistics cover the simulated blocks after them, in real (not stamped) time.
 */
final class MiningRun {

    static final long SPACING = 30;
    static final int PREFILL = 120;
    private static final long GENESIS_TIME = 1_700_000_000L;
    /** Base hashrate {@code H} in hashes per second (a scale only). */
    private static final double BASE_HASHRATE = 1_000_000;
    private static final BigDecimal TWO_256 = new BigDecimal(BigInteger.ONE.shiftLeft(256));

    private final DifficultyAlgorithm algorithm;
    private final MiningScenario scenario;
    private final long seed;

    MiningRun(DifficultyAlgorithm algorithm, MiningScenario scenario, long seed) {
        this.algorithm = algorithm;
        this.scenario = scenario;
        this.seed = seed;
    }

    /** The target at which {@code hashrate} (in units of H) finds a block every 30 s on average. */
    static CompactTarget tunedTarget(double hashrate) {
        BigDecimal work = BigDecimal.valueOf(hashrate * BASE_HASHRATE * SPACING);
        return CompactTarget.fromTarget(TWO_256.divide(work, MathContext.DECIMAL64).toBigInteger());
    }

    RunResult run() {
        Random random = new Random(seed);
        SimulatedChain chain = new SimulatedChain(GENESIS_TIME, tunedTarget(scenario.initialHashrate()));
        for (int h = 1; h <= PREFILL; h++) {
            chain.append(GENESIS_TIME + SPACING * h, chain.tip().target());
        }
        double now = GENESIS_TIME + SPACING * PREFILL;
        int blocks = scenario.blocks();
        double[] solveTimes = new double[blocks];
        double[] difficulty = new double[blocks];
        double difficultySum = 0;
        int extraBlocks = 0;
        double[] phaseSums = new double[2];
        int[] phaseCounts = new int[2];
        for (int i = 0; i < blocks; i++) {
            CompactTarget target = algorithm.nextTarget(chain);
            double work = target.work().doubleValue();
            difficulty[i] = work;
            double loyal = scenario.loyalHashrate(i);
            double extra = extraHashrate(i, work, difficultySum, difficulty);
            double hashrate = (loyal + extra) * BASE_HASHRATE;
            // Two draws per block whatever happens, so every candidate sees the same random stream.
            double solveTime = -Math.log(1 - random.nextDouble()) * work / hashrate;
            boolean byExtra = random.nextDouble() * (loyal + extra) >= loyal;
            now += solveTime;
            solveTimes[i] = solveTime;
            extraBlocks += byExtra ? 1 : 0;
            int phase = scenario.attackerStampsFuture(i) ? 1 : 0;
            phaseSums[phase] += solveTime;
            phaseCounts[phase]++;
            long medianTimePast = MedianTimePast.of(chain);
            long honest = Math.max((long) now, medianTimePast + 1);
            long timestamp = byExtra && scenario.hasTimestampAttacker()
                    ? attackerStamp(i, (long) now, medianTimePast)
                    : honest;
            chain.append(timestamp, target);
            difficultySum += work;
            if (i >= MiningScenario.SWITCHER_MEMORY) {
                difficultySum -= difficulty[i - MiningScenario.SWITCHER_MEMORY];
            }
        }
        return new RunResult(solveTimes, (double) extraBlocks / blocks,
                phaseSums[0] / phaseCounts[0], phaseSums[1] / phaseCounts[1]);
    }

    private double extraHashrate(int i, double work, double difficultySum, double[] difficulty) {
        if (scenario.hasTimestampAttacker()) {
            return MiningScenario.ATTACKER_SHARE;
        }
        if (!scenario.hasSwitcher() || i == 0) {
            return 0;
        }
        double mean = difficultySum / Math.min(i, MiningScenario.SWITCHER_MEMORY);
        return work < mean ? MiningScenario.SWITCHER_HASHRATE : 0;
    }

    private long attackerStamp(int i, long now, long medianTimePast) {
        return scenario.attackerStampsFuture(i)
                ? Math.max(now + scenario.futureLimitSeconds(), medianTimePast + 1)
                : medianTimePast + 1;
    }

    /**
     * What one run measured.
     *
     * @param solveTimes each simulated block's real solve time, in seconds
     * @param extraShare the switcher's or attacker's share of the blocks
     * @param pastPhaseMeanSeconds mean solve time while the timestamp attacker stamps in the past
     *     (even phases of {@value MiningScenario#PHASE_BLOCKS} blocks)
     * @param futurePhaseMeanSeconds mean solve time while it stamps at the future limit (odd phases)
     */
    record RunResult(double[] solveTimes, double extraShare, double pastPhaseMeanSeconds,
            double futurePhaseMeanSeconds) {
    }
}
