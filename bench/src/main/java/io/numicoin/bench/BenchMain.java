package io.numicoin.bench;

import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code bench/run SUITE}: runs every part of the suite and prints one figure per
 * line on stdout ({@code name value unit}); progress goes to stderr. With
 * {@code -Dnumi.bench.part=TEXT} (through {@code JAVA_TOOL_OPTIONS}) only the suite's parts whose name
 * contains TEXT run, e.g. {@code header} for the header proof of work of the p2p suite; with
 * {@code all}, suites without such a part are left out.
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

    /** System property: only the parts whose name contains its value run (all when unset). */
    static final String PART = "numi.bench.part";

    private BenchMain() {
    }

    /** The parts of a suite that {@value #PART} selects. */
    static List<BenchPart> selected(List<BenchPart> parts) {
        String only = System.getProperty(PART, "");
        return parts.stream().filter(part -> part.name().contains(only)).toList();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("all")) {
            System.exit(AllSuites.run(SUITES));
        }
        if (args.length != 1 || !SUITES.containsKey(args[0])) {
            System.err.println("usage: bench/run SUITE   (suites: all, " + String.join(", ", SUITES.keySet().stream().sorted().toList()) + ")");
            System.exit(2);
        }
        if (!SuiteCollector.runs(SuiteCollector.optionFor(args[0]))) {
            System.exit(SuiteCollector.runInChild(args[0], System.out::println));
        }
        FigureSink stdout = figure -> System.out.println(figure.line());
        List<BenchPart> parts = selected(SUITES.get(args[0]));
        if (parts.isEmpty()) {
            System.err.println("bench: no part of " + args[0] + " has \"" + System.getProperty(PART) + "\" in its name: "
                    + SUITES.get(args[0]).stream().map(BenchPart::name).toList());
            System.exit(2);
        }
        for (BenchPart part : parts) {
            System.err.println("bench: " + part.name() + " ...");
            part.run(stdout);
        }
    }
}
