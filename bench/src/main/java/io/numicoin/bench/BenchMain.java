package io.numicoin.bench;

import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code bench/run SUITE}: runs every part of the suite and prints one figure per
 * line on stdout ({@code name value unit}); progress goes to stderr.
 */
public final class BenchMain {

    private static final Map<String, List<BenchPart>> SUITES = Map.ofEntries(
            Map.entry("protocol", ProtocolSuite.parts()),
            Map.entry("difficulty", DifficultySuite.parts()),
            Map.entry("node", NodeSuite.parts()),
            Map.entry("mempool", MempoolSuite.parts()),
            Map.entry("miner", MinerSuite.parts()),
            Map.entry("p2p", P2pSuite.parts()),
            Map.entry("explorer", ExplorerSuite.parts()),
            Map.entry("pool", PoolSuite.parts()),
            Map.entry("seed", SeedSuite.parts()),
            Map.entry("gateway", GatewaySuite.parts()),
            Map.entry("chaos", ChaosSuite.parts()));

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
