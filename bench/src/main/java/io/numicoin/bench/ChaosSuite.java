package io.numicoin.bench;

import java.util.List;

/**
 * {@code bench/run chaos}: {@code ./numi chaos} with a bounded schedule of faults under load
 * (docs/chaos.md), and the node's crash test with 100 kills instead of CI's 20.
 */
final class ChaosSuite {

    private ChaosSuite() {
    }

    static List<BenchPart> parts() {
        return List.of(new ChaosRunBench(), new CrashKillsBench());
    }
}
