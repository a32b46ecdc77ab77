package io.numicoin.bench;

import java.util.List;

/** {@code bench/run node}: the node's block import into PostgreSQL. */
final class NodeSuite {

    private NodeSuite() {
    }

    static List<BenchPart> parts() {
        return List.of(new NodeImportBench());
    }
}
