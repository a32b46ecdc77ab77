package io.numicoin.bench;

import java.util.List;

/** {@code bench/run p2p}: header proof-of-work checks (1M extrapolated), sync over loopback against local import, and gossip latency across five nodes. */
final class P2pSuite {

    private P2pSuite() {
    }

    static List<BenchPart> parts() {
        return List.of(new HeaderPowBench(), new P2pNetworkBench());
    }
}
