package io.numicoin.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/run all}: every suite in name order, each figure on stdout as it comes
 * ({@code name value unit}), then the {@link SummaryTable}. A suite that fails is reported in the
 * table and the others still run; the exit status is 1 if any failed.
 */
final class AllSuites {

    private AllSuites() {
    }

    static int run(Map<String, List<BenchPart>> suites) {
        SummaryTable table = new SummaryTable();
        FigureSink both = figure -> {
            System.out.println(figure.line());
            table.report(figure);
        };
        for (String suite : suites.keySet().stream().sorted().toList()) {
            List<BenchPart> parts = BenchMain.selected(suites.get(suite));
            if (parts.isEmpty()) {
                continue;
            }
            table.startSuite(suite);
            long start = System.nanoTime();
            Throwable failure = null;
            if (!SuiteCollector.runs(SuiteCollector.optionFor(suite))) {
                failure = inChild(suite, both);
                table.endSuite(suite, System.nanoTime() - start, failure);
                continue;
            }
            for (BenchPart part : parts) {
                System.err.println("bench: " + suite + ": " + part.name() + " ...");
                try {
                    part.run(both);
                } catch (Exception | Error e) {
                    System.err.println("bench: " + suite + ": " + part.name() + " failed: " + e);
                    e.printStackTrace();
                    failure = e;
                    break;
                }
            }
            table.endSuite(suite, System.nanoTime() - start, failure);
        }
        System.out.flush();
        table.lines().forEach(System.out::println);
        return table.anyFailed() ? 1 : 0;
    }

    /** Runs {@code suite} in a JVM with its own collector, its figures into {@code sink}; the failure or null. */
    private static Throwable inChild(String suite, FigureSink sink) {
        try {
            int status = SuiteCollector.runInChild(suite,
                    line -> Figure.parse(line).ifPresentOrElse(sink::report, () -> System.out.println(line)));
            return status == 0 ? null : new IllegalStateException(suite + " exited with status " + status);
        } catch (IOException | InterruptedException e) {
            return e;
        }
    }
}
