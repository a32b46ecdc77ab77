package io.numicoin.deploy.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One external command: run with extra environment, stdout and stderr together in a file, a time
 * limit (the process is killed past it). {@link #check} turns a non-zero exit into an exception that
 * shows the end of the output.
 */
record Command(List<String> argv, Map<String, String> environment, Duration limit) {

    /** What the command printed and how it ended. */
    record Result(List<String> argv, int exitCode, String output) {

        boolean ok() {
            return exitCode == 0;
        }

        Result check() {
            if (exitCode != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " exited " + exitCode + ":\n" + tail(output, 4000));
            }
            return this;
        }
    }

    static Command of(Map<String, String> environment, Duration limit, String... argv) {
        return new Command(List.of(argv), environment, limit);
    }

    static Command of(Map<String, String> environment, Duration limit, List<String> argv) {
        return new Command(List.copyOf(argv), environment, limit);
    }

    Result run() {
        Path output = null;
        try {
            output = Files.createTempFile("numi-command", ".out");
            ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                return new Result(argv, -1, "did not finish within " + limit + "\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(argv, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(argv, -1, "cannot run: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(argv, -1, "interrupted");
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    static List<String> args(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    static String tail(String text, int chars) {
        return text.length() <= chars ? text : "…" + text.substring(text.length() - chars);
    }
}
