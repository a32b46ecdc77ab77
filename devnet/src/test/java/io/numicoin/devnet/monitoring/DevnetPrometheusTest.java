package io.numicoin.devnet.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.numicoin.devnet.process.ServiceSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --monitoring}'s Prometheus for real (Debian's binary): started on a configuration written for
 * a service whose management port serves Prometheus text, it scrapes it under the service's job with
 * the devnet's region label and has the repository's alert rules loaded.
 */
class DevnetPrometheusTest {

    private static final Path RULES = repositoryRoot().resolve("monitoring/rules/numi.rules.yml");

    @TempDir
    Path dir;

    @Test
    void theConfigurationNamesEveryServiceAndTheRules() {
        String config = PrometheusConfig.render(List.of(spec("node1", 9082), spec("mempool", 9083)), Path.of("/r/numi.rules.yml"));
        assertThat(config).contains("rule_files:\n  - '/r/numi.rules.yml'")
                .contains("job_name: 'numi-node1'").contains("targets: ['127.0.0.1:9082']")
                .contains("job_name: 'numi-mempool'").contains("targets: ['127.0.0.1:9083']")
                .contains("metrics_path: /actuator/prometheus").contains("region: devnet");
    }

    @Test
    void prometheusScrapesTheServicesAndLoadsTheRules() throws Exception {
        Path binary = DevnetPrometheus.binary().orElseThrow(() -> new IllegalStateException(
                "prometheus is not installed: apt-get install prometheus (Debian; .ci/run installs it)"));
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] metrics = "# TYPE numi_chain_height gauge\nnumi_chain_height 42.0\n".getBytes(StandardCharsets.UTF_8);
        service.createContext("/actuator/prometheus", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, metrics.length);
            exchange.getResponseBody().write(metrics);
            exchange.close();
        });
        service.start();
        int port = freePort();
        try (DevnetPrometheus prometheus = DevnetPrometheus.start(binary, List.of(spec("node1", service.getAddress().getPort())), RULES,
                dir.resolve("prometheus"), port, dir.resolve("logs/prometheus.log"))) {
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(get(http, prometheus.url().resolve("/api/v1/query?query=numi_chain_height")))
                            .contains("\"job\":\"numi-node1\"").contains("\"region\":\"devnet\"").contains("\"42\""));
            assertThat(get(http, prometheus.url().resolve("/api/v1/rules")))
                    .contains("\"name\":\"NumiNodeBehindTip\"").contains("\"name\":\"NumiOutboxLag\"");
            assertThat(Files.readString(dir.resolve("prometheus/prometheus.yml"))).contains(RULES.toString());
        } finally {
            service.stop(0);
        }
    }

    private static String get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static ServiceSpec spec(String name, int managementPort) {
        return new ServiceSpec(name, Path.of(name + ".jar"), List.of(), List.of(), Path.of("."), Path.of(name + ".log"),
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"), "-", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("monitoring/rules"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no monitoring/rules above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
