package io.numicoin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's {@code wrk}, run as its own process over loopback with a Lua script whose {@code done}
 * prints one line: {@code RESULT <requests> <non-2xx/3xx> <socket errors> <p99 µs> <seconds>}.
 */
final class Wrk {

    /** What one run measured. */
    record Result(long requests, long badStatus, long socketErrors, double p99Micros, double seconds) {
        double rps() {
            return requests / seconds;
        }

        double okRatio() {
            return requests == 0 ? 0 : (double) (requests - badStatus - socketErrors) / requests;
        }
    }

    private static final String DONE = """
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT %d %d %d %d %f\\n", summary.requests, e.status,
                e.connect + e.read + e.write + e.timeout, latency:percentile(99), summary.duration / 1e6))
            end
            """;

    private Wrk() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/wrk"));
    }

    /** Runs {@code wrk} against {@code url} with {@code script} (the Lua body before {@code done}). */
    static Result run(String url, int threads, int connections, int seconds, String script, Path dir) throws IOException, InterruptedException {
        Path lua = Files.createTempFile(dir, "wrk", ".lua");
        Files.writeString(lua, script + "\n" + DONE, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "5s", "-s", lua.toString(), url));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.trim().split(" ");
                return new Result(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]));
            }
        }
        throw new IllegalStateException("wrk printed no result:\n" + out);
    }

    /** A script sending GETs of {@code path} with fixed headers ({@code name: value} pairs), no pacing. */
    static String get(String path, String... headers) {
        StringBuilder h = new StringBuilder("{");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.append("[\"").append(headers[i]).append("\"]=\"").append(headers[i + 1]).append("\",");
        }
        h.append("}");
        return "local headers = " + h + "\nfunction request() return wrk.format(\"GET\", \"" + path + "\", headers) end\n";
    }

    /**
     * A paced script: each connection sends one GET of {@code path} every {@code delayMillis}, as the
     * client {@code <prefix><thread number>} in {@code X-Forwarded-For} (one address per wrk thread).
     */
    static String paced(String path, String addressPrefix, boolean perThread, int delayMillis) {
        return """
                local counter = 0
                function setup(thread) counter = counter + 1; thread:set("id", counter) end
                function init(args)
                  local n = id or 1
                  xff = "%s" .. (%s)
                end
                function request() return wrk.format("GET", "%s", {["X-Forwarded-For"] = xff}) end
                function delay() return %d end
                """.formatted(addressPrefix, perThread ? "n" : "1", path, delayMillis);
    }
}
