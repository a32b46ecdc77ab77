package io.numicoin.p2p.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The js-libp2p peer of {@code src/test/js/interop.mjs}, run with the Node 22 that npm installs in
 * that folder. {@link #install} runs {@code npm ci} once per package-lock (a marker file in
 * node_modules remembers it). Lines the script prints are JSON objects; this class hands them over
 * as raw strings.
 */
final class JsPeer implements AutoCloseable {

    static final Path DIR = Path.of("src", "test", "js");
    private static final Path NODE = DIR.resolve("node_modules/.bin/node");
    private static final Path MARKER = DIR.resolve("node_modules/.installed-lock-sha256");

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private JsPeer(Process process) {
        this.process = process;
        this.stdin = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // process ended
            }
        }, "js-peer-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** True if an {@code npm} command runs on this machine. */
    static boolean npmAvailable() {
        try {
            Process p = new ProcessBuilder("npm", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code npm ci} unless node_modules already matches package-lock.json. */
    static void install() throws Exception {
        String lockHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(DIR.resolve("package-lock.json"))));
        if (Files.isExecutable(NODE) && Files.exists(MARKER) && Files.readString(MARKER).equals(lockHash)) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(DIR.resolve("npm-ci.log").toFile())
                .start();
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci failed in " + DIR.toAbsolutePath() + ": see npm-ci.log there");
        }
        if (!Files.isExecutable(NODE)) {
            throw new IllegalStateException("npm ci did not install node 22 at " + NODE);
        }
        Files.writeString(MARKER, lockHash);
    }

    static JsPeer start() throws IOException {
        Process p = new ProcessBuilder(List.of(NODE.toAbsolutePath().toString(), "interop.mjs"))
                .directory(DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new JsPeer(p);
    }

    void send(String json) throws IOException {
        stdin.write(json + "\n");
        stdin.flush();
    }

    /** The next line the script printed, waiting up to {@code timeout}. */
    String next(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("the js peer printed nothing within " + timeout + (process.isAlive() ? "" : " (it exited " + process.exitValue() + ")"));
        }
        return line;
    }

    @Override
    public void close() throws Exception {
        try {
            send("{\"cmd\":\"exit\"}");
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
