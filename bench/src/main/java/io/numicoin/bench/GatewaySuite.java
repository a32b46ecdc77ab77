package io.numicoin.bench;

import java.util.List;

/** {@code bench/run gateway}: the gateway against nginx with limit_req, and under a flood. */
final class GatewaySuite {

    private GatewaySuite() {
    }

    static List<BenchPart> parts() {
        return List.of(new GatewayBench());
    }
}
