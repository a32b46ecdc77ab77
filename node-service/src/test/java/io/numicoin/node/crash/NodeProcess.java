package io.numicoin.node.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The node as a separate JVM (NodeApplication on the test classpath), tuned to start fast: C1 only,
 * a small heap, serial GC, no JMX, no OpenAPI. {@link #kill()} is {@code kill -9}.
 */
final class NodeProcess {

    static final String MINING_TOKEN = "test-mining-token-0123456789";

    private final Process process;
    final int apiPort;
    final int managementPort;

    private NodeProcess(Process process, int apiPort, int managementPort) {
        this.process = process;
        this.apiPort = apiPort;
        this.managementPort = managementPort;
    }

    static NodeProcess start(List<String> settings, Path log) throws IOException {
        int api = freePort();
        int management = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx320m", "-Xss512k", "-XX:-UsePerfData",
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                "io.numicoin.node.NodeApplication",
                "--server.port=" + api, "--management.server.port=" + management,
                "--spring.jmx.enabled=false", "--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false",
                "--numi.api.mining-token=" + MINING_TOKEN,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.io.numicoin=INFO"));
        command.addAll(settings);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new NodeProcess(process, api, management);
    }

    /** Waits until readiness is UP (database, Kafka, and the startup integrity check passed); false if it died or took too long. */
    boolean awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(3)).build();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A graceful stop (SIGTERM). */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
