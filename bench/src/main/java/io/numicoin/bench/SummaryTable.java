package io.numicoin.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code bench/run all} prints after every suite's figures: one row per figure (a ratio's
 * {@code .min} and {@code .max} folded into its row as its spread), each suite's time and outcome,
 * and the machine's load average when the run started and ended. Every line starts with {@code #},
 * so a reader of {@code name value unit} lines passes over it.
 */
final class SummaryTable implements FigureSink {

    private record Row(String suite, Figure figure) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, String> outcomes = new LinkedHashMap<>();
    private final double loadAtStart = loadAverage();
    private String suite = "";

    void startSuite(String name) {
        suite = name;
    }

    void endSuite(String name, long nanos, Throwable failure) {
        outcomes.put(name, String.format(Locale.ROOT, "%s in %.0f s", failure == null ? "ok" : "FAILED (" + failure + ")", nanos / 1e9));
    }

    boolean anyFailed() {
        return outcomes.values().stream().anyMatch(outcome -> outcome.startsWith("FAILED"));
    }

    @Override
    public void report(Figure figure) {
        rows.add(new Row(suite, figure));
    }

    List<String> lines() {
        Map<String, Figure> byName = new LinkedHashMap<>();
        rows.forEach(row -> byName.put(row.figure().name(), row.figure()));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "# summary: %d figures, %d cores, load average (1 min) %.2f at start, %.2f at end",
                rows.size(), Runtime.getRuntime().availableProcessors(), loadAtStart, loadAverage()));
        lines.add(String.format(Locale.ROOT, "# %-10s %-55s %14s  %-8s %s", "suite", "figure", "value", "unit", "spread (min..max)"));
        for (Row row : rows) {
            String name = row.figure().name();
            if ((name.endsWith(".min") || name.endsWith(".max")) && byName.containsKey(name.substring(0, name.length() - 4))) {
                continue;
            }
            Figure min = byName.get(name + ".min");
            Figure max = byName.get(name + ".max");
            String spread = min != null && max != null ? value(min) + ".." + value(max) : "";
            lines.add(String.format(Locale.ROOT, "# %-10s %-55s %14s  %-8s %s", row.suite(), name, value(row.figure()),
                    row.figure().unit(), spread));
        }
        outcomes.forEach((name, outcome) -> lines.add("# suite " + name + ": " + outcome));
        return lines;
    }

    private static String value(Figure figure) {
        String line = figure.line();
        String rest = line.substring(figure.name().length() + 1);
        return rest.substring(0, rest.lastIndexOf(' '));
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
