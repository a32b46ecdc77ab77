package io.numicoin.devnet.monitoring;

import io.numicoin.devnet.process.ServiceSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Prometheus for {@code ./numi devnet --monitoring}: the binary Debian's {@code prometheus} package
 * installs (or any on PATH), on 127.0.0.1 only, with its data in the devnet's directory, scraping
 * every service and evaluating monitoring/rules/numi.rules.yml.
 */
public final class DevnetPrometheus implements AutoCloseable {

    private final Process process;
    private final URI url;

    private DevnetPrometheus(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** The prometheus binary on PATH, else Debian's /usr/bin/prometheus. */
    public static Optional<Path> binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "prometheus");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path debian = Path.of("/usr/bin/prometheus");
        return Files.isExecutable(debian) ? Optional.of(debian) : Optional.empty();
    }

    /**
     * Writes {@code dataDir/prometheus.yml} for {@code services} and starts Prometheus on
     * {@code 127.0.0.1:port}, its log in {@code log}. Returns at once; {@link #readiness()} answers 200 once it serves.
     */
    public static DevnetPrometheus start(Path binary, List<ServiceSpec> services, Path rules, Path dataDir, int port, Path log)
            throws IOException {
        if (!Files.isRegularFile(rules)) {
            throw new IOException("no alert rules at " + rules);
        }
        Files.createDirectories(dataDir.resolve("tsdb"));
        Files.createDirectories(log.getParent());
        Path config = dataDir.resolve("prometheus.yml");
        Files.writeString(config, PrometheusConfig.render(services, rules));
        String listen = "127.0.0.1:" + port;
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dataDir.resolve("tsdb"),
                "--storage.tsdb.retention.time=7d", "--web.listen-address=" + listen)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new DevnetPrometheus(process, URI.create("http://" + listen));
    }

    public URI url() {
        return url;
    }

    /** Answers 200 once Prometheus has loaded its configuration and rules. */
    public URI readiness() {
        return url.resolve("/-/ready");
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** SIGTERM, then SIGKILL after {@code grace}. */
    public boolean stop(Duration grace) {
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        return false;
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
