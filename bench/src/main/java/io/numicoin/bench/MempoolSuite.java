package io.numicoin.bench;

import java.util.List;

/** {@code bench/run mempool}: the mempool's acceptance rate (against the signature rate) and template build time. */
final class MempoolSuite {

    private MempoolSuite() {
    }

    static List<BenchPart> parts() {
        return List.of(new MempoolAcceptBench(), new MempoolTemplateBench());
    }
}
