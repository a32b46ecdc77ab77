package io.numicoin.bench;

import java.util.List;

/** {@code bench/run difficulty}: the simulation that chose the difficulty algorithm, and mainnet's launch. */
final class DifficultySuite {

    private DifficultySuite() {
    }

    static List<BenchPart> parts() {
        return List.of(
                new DifficultySimulation(MiningScenario.CONSTANT),
                new DifficultySimulation(MiningScenario.STEP_UP),
                new DifficultySimulation(MiningScenario.STEP_DOWN),
                new DifficultySimulation(MiningScenario.ON_OFF),
                new DifficultySimulation(MiningScenario.TIMESTAMP),
                new DifficultySimulation(MiningScenario.TIMESTAMP_FTL60),
                new LaunchSimulation());
    }
}
