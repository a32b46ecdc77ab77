package io.numicoin.bench;

import java.util.List;

/** {@code bench/run miner}: the miner's hash rate on all cores, and Java against native Argon2 in the miner. */
final class MinerSuite {

    private MinerSuite() {
    }

    static List<BenchPart> parts() {
        return List.of(new MinerHashrateBench(), new MinerJavaNativeBench());
    }
}
