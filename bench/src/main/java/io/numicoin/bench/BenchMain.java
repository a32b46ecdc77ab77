package io.numicoin.bench;

import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code bench/run SUITE}: runs every part of the suite and prints one figure per
 * line on stdout ({@code name value unit}); progress goes to stderr.
 */
public final class BenchMain {

    private static final Map<String, List<BenchPart>> SUITES = Map.of(
            "protocol", ProtocolSuite.parts(),
            "difficulty", DifficultySuite.parts(),
            "node", NodeSuite.parts(),
            "mempool", MempoolSuite.parts(),
            "miner", MinerSuite.parts(),
            "p2p", P2pSuite.parts(),
            "explorer", ExplorerSuite.parts(),
            "pool", PoolSuite.parts(),
            "seed", SeedSuite.parts(),
            "gateway", GatewaySuite.parts());

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("all")) {
            System.exit(AllSuites.run(SUITES));
        }
        if (args.length != 1 || !SUITES.containsKey(args[0])) {
            System.err.println("usage: bench/run SUITE   (suites: all, " + String.join(", ", SUITES.keySet().stream().sorted().toList()) + ")");
            System.exit(2);
        }
        FigureSink stdout = figure -> System.out.println(figure.line());
        for (BenchPart part : SUITES.get(args[0])) {
            System.err.println("bench: " + part.name() + " ...");
            part.run(stdout);
        }
    }
}
