package io.numicoin.bench;

import java.util.List;

/**
 * {@code bench/run explorer}: the explorer's indexing rate against the node's import of the same
 * blocks, and its block, transaction and address-history queries under concurrent clients.
 */
final class ExplorerSuite {

    private ExplorerSuite() {
    }

    static List<BenchPart> parts() {
        return List.of(new ExplorerIndexBench(), new ExplorerQueryBench());
    }
}
