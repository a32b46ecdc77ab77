package io.numicoin.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./numi chaos --faults 24} as its own process (a devnet of its own, ports +400, data in
 * {@code bench/target/chaos}): its figure lines ({@code chaos.*}, {@code e2e.*}) are passed on; its
 * progress goes to stderr. {@code -Dnumi.bench.chaos.faults} and {@code .seed} change the schedule.
 * A run whose checker failed still prints its figures (lost, duplicated) and then fails the suite.
 */
final class ChaosRunBench implements BenchPart {

    private static final Pattern FIGURE = Pattern.compile("((?:chaos|e2e)\\.[a-z_.]+) (-?[0-9.]+) ([a-z/]+)");

    @Override
    public String name() {
        return "chaos (./numi chaos under load, at least 20 faults)";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(root.resolve("numi").toString(), "chaos",
                "--data-dir", "bench/target/chaos", "--port-offset", "400",
                "--faults", Integer.toString(Integer.getInteger("numi.bench.chaos.faults", 24)),
                "--seed", Long.toString(Long.getLong("numi.bench.chaos.seed", 1)),
                "--baseline", "45", "--rate", "8", "--accounts", "40"));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher figure = FIGURE.matcher(line);
                if (figure.matches()) {
                    out.report(new Figure(figure.group(1), Double.parseDouble(figure.group(2)), figure.group(3)));
                } else {
                    System.err.println(line);
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("./numi chaos failed (exit " + process.exitValue() + "): see the lines above");
        }
    }
}
