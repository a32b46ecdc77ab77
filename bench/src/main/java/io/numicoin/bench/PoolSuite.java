package io.numicoin.bench;

import java.util.List;

/** {@code bench/run pool}: shares checked against the Argon2id limit, and idle connections held. */
final class PoolSuite {

    private PoolSuite() {
    }

    static List<BenchPart> parts() {
        return List.of(new PoolSharesBench(), new PoolConnectionsBench());
    }
}
