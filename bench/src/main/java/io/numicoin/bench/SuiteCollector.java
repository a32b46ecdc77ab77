package io.numicoin.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The garbage collector each suite runs on. The throughput suites run on ParallelGC ({@code bench/run}
 * starts the JVM with it); {@code p2p} runs five nodes in one JVM and measures gossip latency, so it
 * runs on the node's own collector, generational ZGC (helm/node's {@code jvmOptions}; docs/decisions.md
 * "The node runs generational ZGC"): a stop-the-world young pause (ParallelGC's 45–72 ms, G1's 7–16 ms
 * with five nodes' heaps) stops all five nodes at once, which no deployment does. A suite whose
 * collector is not this JVM's runs in a child JVM with the same options and class path.
 */
final class SuiteCollector {

    private static final String PARALLEL = "-XX:+UseParallelGC";
    private static final String ZGC = "-XX:+UseZGC";

    private SuiteCollector() {
    }

    /** The JVM option that selects the suite's collector. */
    static String optionFor(String suite) {
        return suite.equals("p2p") ? ZGC : PARALLEL;
    }

    /** Whether this JVM runs the collector {@code option} selects. */
    static boolean runs(String option) {
        String youngCollector = option.equals(ZGC) ? "ZGC Minor Cycles" : "PS Scavenge";
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).anyMatch(youngCollector::equals);
    }

    /**
     * Runs {@code bench/run SUITE} in a child JVM with the suite's collector: stderr passes through,
     * each stdout line goes to {@code lines}. Returns the child's exit status.
     */
    static int runInChild(String suite, Consumer<String> lines) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Set<String> fromEnvironment = Set.copyOf(Arrays.asList(System.getenv().getOrDefault("JAVA_TOOL_OPTIONS", "").trim().split("\\s+")));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // the child reads JAVA_TOOL_OPTIONS itself; a second collector option would conflict
            if (!fromEnvironment.contains(option) && !(option.startsWith("-XX:+Use") && option.endsWith("GC"))) {
                command.add(option);
            }
        }
        command.add(optionFor(suite));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchMain.class.getName(), suite));
        System.err.println("bench: " + suite + " runs in a JVM of its own with " + optionFor(suite));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        Thread stopChild = new Thread(child::destroy);  // SIGTERM to bench/run stops the child too
        Runtime.getRuntime().addShutdownHook(stopChild);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.accept(line);
            }
        } finally {
            child.getInputStream().close();
        }
        int status = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopChild);
        return status;
    }
}
