package io.numicoin.minertest;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The mempool service's runnable jar ({@code mempool-service-*-exec.jar}, a test dependency) run as
 * its own JVM, as in production: its own PostgreSQL database, the test's Kafka broker and node.
 * Output goes to {@code target/mempool-process.log}. Public: pool-service's ITs start it too (this
 * module's test-jar).
 */
public final class MempoolProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private MempoolProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The exec jar on this test's class path, if the build put it there. */
    public static Optional<Path> jar() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("mempool-service") && entry.endsWith("-exec.jar"))
                .map(Path::of).findFirst();
    }

    public static MempoolProcess start(Path jar, String jdbcUrl, String user, String password, String kafka, URI node) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--management.server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--numi.network=regtest",
                "--numi.node.base-url=" + node));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "mempool-process.log").toFile()).start();
        return new MempoolProcess(process, port);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean alive() {
        return process.isAlive();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
