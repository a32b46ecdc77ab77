package io.numicoin.bench;

import io.numicoin.protocol.difficulty.AsertDifficulty;
import io.numicoin.protocol.difficulty.DifficultyAlgorithm;
import io.numicoin.protocol.difficulty.LwmaDifficulty;
import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The simulation that chose NumiCoin's difficulty algorithm: one {@link MiningScenario} run
 * against every candidate (ASERT half-life 600 / 1800 / 3600 / 7200 s, LWMA-1 N = 45 / 60 / 90, all at
 * 30 s spacing) with the same seeded random solve times. Prints, per candidate,
 * {@code difficulty.<scenario>.<candidate>.mean_s / stddev_s / worst_slow_run / max_block_s}
 * (a slow block takes over twice the spacing), pooled over {@value #SEEDS} seeded runs, plus the
 * switcher's share of blocks (on/off) and the mean solve time in each timestamp-attack phase.
 */
final class DifficultySimulation implements BenchPart {

    private static final BigInteger POW_LIMIT = BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE);
    /** Block 1's target is the prefill's (tuned per scenario), so the algorithms' own initial target is never asked for. */
    private static final CompactTarget PREFILLED = CompactTarget.fromTarget(POW_LIMIT);
    private static final long SEED = 0x4e554d49L; // "NUMI"
    /** Independent runs per scenario and candidate; each candidate sees the same seeds. */
    static final int SEEDS = 8;

    /** A named candidate algorithm. */
    record Candidate(String name, DifficultyAlgorithm algorithm) {
    }

    static final List<Candidate> CANDIDATES = List.of(
            new Candidate("asert_hl600", new AsertDifficulty(MiningRun.SPACING, 600, POW_LIMIT, PREFILLED)),
            new Candidate("asert_hl1800", new AsertDifficulty(MiningRun.SPACING, 1_800, POW_LIMIT, PREFILLED)),
            new Candidate("asert_hl3600", new AsertDifficulty(MiningRun.SPACING, 3_600, POW_LIMIT, PREFILLED)),
            new Candidate("asert_hl7200", new AsertDifficulty(MiningRun.SPACING, 7_200, POW_LIMIT, PREFILLED)),
            new Candidate("lwma_n45", new LwmaDifficulty(MiningRun.SPACING, 45, POW_LIMIT)),
            new Candidate("lwma_n60", new LwmaDifficulty(MiningRun.SPACING, 60, POW_LIMIT)),
            new Candidate("lwma_n90", new LwmaDifficulty(MiningRun.SPACING, 90, POW_LIMIT)));

    private final MiningScenario scenario;

    DifficultySimulation(MiningScenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public String name() {
        return "difficulty simulation, " + scenario.label();
    }

    @Override
    public void run(FigureSink out) {
        for (Candidate candidate : CANDIDATES) {
            List<MiningRun.RunResult> results = new ArrayList<>();
            for (int s = 0; s < SEEDS; s++) {
                results.add(new MiningRun(candidate.algorithm(), scenario, SEED + 1_000L * scenario.ordinal() + s).run());
            }
            SolveTimeStats stats = SolveTimeStats.of(
                    results.stream().map(MiningRun.RunResult::solveTimes).toList(), 2.0 * MiningRun.SPACING);
            String prefix = "difficulty." + scenario.label() + "." + candidate.name();
            out.report(prefix + ".mean_s", stats.meanSeconds(), "s");
            out.report(prefix + ".stddev_s", stats.stddevSeconds(), "s");
            out.report(prefix + ".worst_slow_run", stats.worstSlowRun(), "blocks");
            out.report(prefix + ".max_block_s", stats.maxSeconds(), "s");
            if (scenario.hasSwitcher()) {
                out.report(prefix + ".switcher_share", mean(results, MiningRun.RunResult::extraShare), "fraction");
            }
            if (scenario.hasTimestampAttacker()) {
                out.report(prefix + ".past_phase_mean_s", mean(results, MiningRun.RunResult::pastPhaseMeanSeconds), "s");
                out.report(prefix + ".future_phase_mean_s",
                        mean(results, MiningRun.RunResult::futurePhaseMeanSeconds), "s");
            }
        }
    }

    private static double mean(List<MiningRun.RunResult> results, ToDoubleFunction<MiningRun.RunResult> field) {
        return results.stream().mapToDouble(field).average().orElseThrow();
    }
}
