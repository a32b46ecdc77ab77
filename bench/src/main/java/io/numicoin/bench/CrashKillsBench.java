package io.numicoin.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The node's crash test ({@code CrashSafetyIT}: {@code kill -9} at seeded moments of starting,
 * importing and relaying, the state checked after each) with 100 kills, where CI runs 20: the
 * failsafe run of node-service in this checkout ({@code -Dnumi.crash.kills}), its output on stderr.
 * Prints {@code node.crash.kills} and {@code node.crash.seconds} when every kill left a consistent node.
 */
final class CrashKillsBench implements BenchPart {

    private static final int KILLS = Integer.getInteger("numi.bench.crash.kills", 100);

    @Override
    public String name() {
        return "node crash test, " + KILLS + " kills";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(List.of(root.resolve("mvnw").toString(), "-B", "-o", "-q", "-pl", "node-service", "-am",
                "-Dit.test=CrashSafetyIT", "-Dtest=NONE", "-Dsurefire.failIfNoSpecifiedTests=false",
                "-Dfailsafe.failIfNoSpecifiedTests=false", "-Dnumi.crash.kills=" + KILLS,
                "verify"))
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new java.io.File("/dev/stderr")))
                .start();
        process.getOutputStream().close();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("CrashSafetyIT with " + KILLS + " kills failed (exit " + process.exitValue()
                    + "): node-service/target/failsafe-reports, node-service/target/crash-safety/node.log");
        }
        out.report(new Figure("node.crash.kills", KILLS, "count"));
        out.report(new Figure("node.crash.seconds", (System.nanoTime() - started) / 1e9, "s"));
    }
}
