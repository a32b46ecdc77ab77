package io.numicoin.bench;

import java.util.List;

/** {@code bench/run difficulty}: the simulation that chose the difficulty algorithm. */
final class DifficultySuite {

    private DifficultySuite() {
    }

    static List<BenchPart> parts() {
        return List.of(
        );
    }
}
