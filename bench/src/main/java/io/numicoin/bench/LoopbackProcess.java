package io.numicoin.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** A server process of the gateway benchmark (nginx, the gateway): started with its log to a file, stopped with SIGTERM. */
final class LoopbackProcess implements AutoCloseable {

    private final String name;
    private final Process process;

    private LoopbackProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static LoopbackProcess start(String name, List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new LoopbackProcess(name, p);
    }

    /** Waits until {@code port} on 127.0.0.1 accepts connections; stops the process if it does not. */
    LoopbackProcess awaitPort(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return this;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException(name + " did not listen on " + port + " within " + timeout);
    }

    /** CPU time this process and its descendants (nginx's worker) have used so far. */
    Duration cpu() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .map(h -> h.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * CPU time the JVM's JIT compiler threads of this process have used so far (Linux: their
     * {@code /proc/<pid>/task/<tid>/stat}, in clock ticks of 10 ms), zero where that cannot be read.
     */
    Duration compilerCpu() {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    if (!Files.readString(thread.resolve("comm")).startsWith("C")
                            || !Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        continue;
                    }
                    String stat = Files.readString(thread.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException notLinux) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(ticks * 10);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
