package io.numicoin.bench;

import java.util.List;

/** {@code bench/run node}: the node's block import into PostgreSQL, and the same import with no store (its ceiling). */
final class NodeSuite {

    private NodeSuite() {
    }

    static List<BenchPart> parts() {
        return List.of(new NodeImportBench(), new NodeValidationBench());
    }
}
