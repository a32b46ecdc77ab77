package io.numicoin.bench;

import io.numicoin.gateway.key.ApiKeyStore;
import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.route.Scope;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code bench/run gateway}: the gateway (its exec jar, a process of its own, limits on: an API key
 * checked and a Redis token bucket taken per request) against nginx with {@code limit_req}, both
 * proxying one nginx backend that serves a cacheable {@code GET /api/v1/chain}; load from
 * {@code wrk} processes over loopback. Throughput and p99 in interleaved rounds after a shared
 * warm-up ({@code gateway.rps.over_nginx}, median with min and max). Then a flood: one client at 10x
 * its per-address limit (50/s, through X-Forwarded-For from a trusted 127.0.0.1) while four
 * well-behaved clients send 10/s each: their p99 and the share of their requests served. Needs
 * Debian's {@code wrk} and {@code nginx}, Redis on 127.0.0.1:6379 and PostgreSQL. About 2 minutes.
 */
final class GatewayBench implements BenchPart {

    private static final int ROUNDS = 5;
    private static final int ROUND_SECONDS = 5;
    private static final int CLIENT_LIMIT = 50;
    private static final String CHAIN = "{\"network\":\"regtest\",\"tipId\":\"" + "ab".repeat(32)
            + "\",\"height\":1234,\"cumulativeWork\":\"123456789\",\"tipTimestamp\":1764979200000}";

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        if (!Wrk.available() || !Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            throw new IllegalStateException("bench gateway needs Debian's wrk and nginx: apt-get install wrk nginx");
        }
        Path dir = Files.createTempDirectory("numi-bench-gateway");
        int backendPort = LoopbackProcess.freePort();
        int nginxPort = LoopbackProcess.freePort();
        int gatewayPort = LoopbackProcess.freePort();
        int managementPort = LoopbackProcess.freePort();
        try (TestDatabase db = TestPostgres.shared().createDatabase("bench_gateway");
             LoopbackProcess backend = nginx(dir, "backend", backendServer(backendPort)).awaitPort(backendPort, Duration.ofSeconds(10));
             LoopbackProcess reference = nginx(dir, "reference", referenceServer(nginxPort, backendPort)).awaitPort(nginxPort, Duration.ofSeconds(10));
             LoopbackProcess gateway = gateway(dir, db, gatewayPort, managementPort, backendPort)) {
            awaitReady(managementPort);
            String key = new ApiKeyStore(db.dataSource(), "gateway").create("bench", EnumSet.allOf(Scope.class),
                    new Limits(1e6, 1_000_000, 1e6, 1_000_000)).token().text();
            String gatewayUrl = "http://127.0.0.1:" + gatewayPort + "/api/v1/chain";
            String nginxUrl = "http://127.0.0.1:" + nginxPort + "/api/v1/chain";
            String gatewayScript = Wrk.get("/api/v1/chain", "X-Api-Key", key);
            String nginxScript = Wrk.get("/api/v1/chain");
            warmUp(gateway, gatewayUrl, gatewayScript, dir);
            Wrk.run(nginxUrl, 2, 32, 3, nginxScript, dir);
            Duration nCpu0 = reference.cpu();
            double[] gRps = new double[ROUNDS], nRps = new double[ROUNDS], gP99 = new double[ROUNDS], nP99 = new double[ROUNDS],
                    ratios = new double[ROUNDS], gCpu = new double[ROUNDS], nCpu = new double[ROUNDS], cpuRatios = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                Duration g0 = gateway.cpu(), gJit0 = gateway.compilerCpu();
                Wrk.Result g = Wrk.run(gatewayUrl, 2, 32, ROUND_SECONDS, gatewayScript, dir);
                Duration g1 = gateway.cpu(), gJit1 = gateway.compilerCpu();
                Wrk.Result n = Wrk.run(nginxUrl, 2, 32, ROUND_SECONDS, nginxScript, dir);
                Duration n1 = reference.cpu();
                Duration n0 = nCpu0;
                nCpu0 = n1;
                requireServed(g, "gateway");
                requireServed(n, "nginx");
                gRps[i] = g.rps();
                nRps[i] = n.rps();
                gP99[i] = g.p99Micros() / 1000;
                nP99[i] = n.p99Micros() / 1000;
                ratios[i] = gRps[i] / nRps[i];
                // CPU time the proxy process used per request, the JIT compiler's left out: what the machine's load does not
                // change much
                gCpu[i] = (g1.minus(g0).toNanos() - gJit1.minus(gJit0).toNanos()) / 1000.0 / g.requests();
                nCpu[i] = n1.minus(n0).toNanos() / 1000.0 / n.requests();
                cpuRatios[i] = nCpu[i] / gCpu[i];
                System.err.printf("bench: round %d gateway %.0f/s p99 %.1f ms %.0f µs CPU/req, nginx %.0f/s p99 %.1f ms %.1f µs CPU/req "
                        + "(load %.1f)%n", i + 1, gRps[i], gP99[i], gCpu[i], nRps[i], nP99[i], nCpu[i], loadAverage());
            }
            out.report(new Figure("gateway.rps", median(gRps), "req/s"));
            out.report(new Figure("gateway.p99_ms", median(gP99), "ms"));
            out.report(new Figure("gateway.nginx.rps", median(nRps), "req/s"));
            out.report(new Figure("gateway.nginx.p99_ms", median(nP99), "ms"));
            out.report(new Figure("gateway.rps.over_nginx", median(ratios), "ratio"));
            out.report(new Figure("gateway.rps.over_nginx.min", Arrays.stream(ratios).min().orElseThrow(), "ratio"));
            out.report(new Figure("gateway.rps.over_nginx.max", Arrays.stream(ratios).max().orElseThrow(), "ratio"));
            out.report(new Figure("gateway.cpu_us_per_request", median(gCpu), "us"));
            out.report(new Figure("gateway.nginx.cpu_us_per_request", median(nCpu), "us"));
            out.report(new Figure("gateway.cpu.nginx_over_gateway", median(cpuRatios), "ratio"));
            out.report(new Figure("gateway.cpu.nginx_over_gateway.min", Arrays.stream(cpuRatios).min().orElseThrow(), "ratio"));
            out.report(new Figure("gateway.cpu.nginx_over_gateway.max", Arrays.stream(cpuRatios).max().orElseThrow(), "ratio"));
            out.report(new Figure("gateway.load_average", loadAverage(), "load"));
            String baseline = System.getProperty("numi.bench.gateway.baseline-jar");
            if (baseline != null) {
                againstBaseline(out, Path.of(baseline), gateway, gatewayUrl, gatewayScript, dir, db, backendPort);
            }
            flood(out, "http://127.0.0.1:" + gatewayPort + "/api/v1/chain", dir);
        }
    }

    /**
     * With {@code -Dnumi.bench.gateway.baseline-jar=<an older exec jar>}: that build as a second
     * gateway process beside this one (same key, backend and Redis), warmed up the same way, then
     * the two in interleaved rounds: {@code gateway.rps.over_baseline} (median, min, max) and both
     * CPU costs per request. A change's effect measured under the same load, not runs minutes apart.
     */
    private static void againstBaseline(FigureSink out, Path jar, LoopbackProcess gateway, String gatewayUrl, String script, Path dir,
            TestDatabase db, int backendPort) throws Exception {
        int port = LoopbackProcess.freePort();
        int managementPort = LoopbackProcess.freePort();
        try (LoopbackProcess old = gateway(dir, db, port, managementPort, backendPort, jar.toAbsolutePath(), "baseline")) {
            awaitReady(managementPort);
            String oldUrl = "http://127.0.0.1:" + port + "/api/v1/chain";
            warmUp(old, oldUrl, script, dir);
            double[] ratios = new double[ROUNDS], cpu = new double[ROUNDS], oldCpu = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                Duration c0 = gateway.cpu().minus(gateway.compilerCpu());
                Wrk.Result now = Wrk.run(gatewayUrl, 2, 32, ROUND_SECONDS, script, dir);
                Duration c1 = gateway.cpu().minus(gateway.compilerCpu());
                Duration o0 = old.cpu().minus(old.compilerCpu());
                Wrk.Result before = Wrk.run(oldUrl, 2, 32, ROUND_SECONDS, script, dir);
                Duration o1 = old.cpu().minus(old.compilerCpu());
                requireServed(now, "gateway");
                requireServed(before, "baseline gateway");
                ratios[i] = now.rps() / before.rps();
                cpu[i] = c1.minus(c0).toNanos() / 1000.0 / now.requests();
                oldCpu[i] = o1.minus(o0).toNanos() / 1000.0 / before.requests();
                System.err.printf("bench: baseline round %d gateway %.0f/s %.0f µs CPU/req, baseline %.0f/s %.0f µs CPU/req (load %.1f)%n",
                        i + 1, now.rps(), cpu[i], before.rps(), oldCpu[i], loadAverage());
            }
            out.report(new Figure("gateway.rps.over_baseline", median(ratios), "ratio"));
            out.report(new Figure("gateway.rps.over_baseline.min", Arrays.stream(ratios).min().orElseThrow(), "ratio"));
            out.report(new Figure("gateway.rps.over_baseline.max", Arrays.stream(ratios).max().orElseThrow(), "ratio"));
            out.report(new Figure("gateway.baseline.cpu_us_per_request", median(oldCpu), "us"));
            out.report(new Figure("gateway.vs_baseline.cpu_us_per_request", median(cpu), "us"));
        }
    }

    /**
     * Loads the gateway in 5 s steps until its JIT compiler is done with the hot path (its threads
     * used under a tenth of the process's CPU in the last step) or 3 minutes have passed: on a busy
     * machine a fixed 20 s left the compiler using most of the gateway's CPU all through the
     * measurement, which then measured the JIT, not the gateway a long-running replica is.
     */
    private static void warmUp(LoopbackProcess gateway, String url, String script, Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (int step = 1; ; step++) {
            Duration cpu0 = gateway.cpu(), jit0 = gateway.compilerCpu();
            Wrk.Result r = Wrk.run(url, 2, 32, 5, script, dir);
            double cpu = gateway.cpu().minus(cpu0).toMillis(), jit = gateway.compilerCpu().minus(jit0).toMillis();
            System.err.printf("bench: gateway warm-up %d: %.0f/s, JIT %.0f of %.0f ms CPU (load %.1f)%n", step, r.rps(), jit, cpu,
                    loadAverage());
            if (step >= 3 && jit < 0.1 * cpu || System.nanoTime() > deadline) {
                return;
            }
        }
    }

    private static void flood(FigureSink out, String url, Path dir) throws Exception {
        System.err.println("bench: gateway flood ...");
        // 10 connections x one request every 20 ms = 500/s from one address, 10x its 50/s
        CompletableFuture<Wrk.Result> flooder = CompletableFuture.supplyAsync(() -> {
            try {
                return Wrk.run(url, 1, 10, 14, Wrk.paced("/api/v1/chain", "10.66.0.", false, 20), dir);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(2000);
        // four addresses, one connection each, a request every 100 ms: 10/s, a fifth of the limit
        Wrk.Result good = Wrk.run(url, 4, 4, 10, Wrk.paced("/api/v1/chain", "10.77.0.", true, 100), dir);
        Wrk.Result bad = flooder.join();
        out.report(new Figure("gateway.flood.good_client_p99_ms", good.p99Micros() / 1000, "ms"));
        out.report(new Figure("gateway.flood.good_client_ok_ratio", good.okRatio(), "ratio"));
        out.report(new Figure("gateway.flood.flooder_rps", bad.rps(), "req/s"));
        out.report(new Figure("gateway.flood.flooder_served_ratio", bad.okRatio(), "ratio"));
    }

    private static void requireServed(Wrk.Result r, String who) {
        if (r.okRatio() < 0.999) {
            throw new IllegalStateException(who + " refused or failed " + (r.badStatus() + r.socketErrors()) + " of " + r.requests()
                    + " requests in a throughput round: the limits are meant to be on but not hit");
        }
    }

    private static LoopbackProcess nginx(Path dir, String name, String server) throws IOException {
        Path prefix = Files.createDirectories(dir.resolve(name));
        Files.createDirectories(prefix.resolve("logs"));
        String conf = """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 4096; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body; proxy_temp_path %1$s/proxy; fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi; scgi_temp_path %1$s/scgi;
                  keepalive_requests 1000000;
                  %2$s
                }
                """.formatted(prefix, server);
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf);
        return LoopbackProcess.start("nginx " + name, List.of("/usr/sbin/nginx", "-p", prefix.toString(), "-c", file.toString()),
                prefix.resolve("logs/stdout.log"));
    }

    private static String backendServer(int port) {
        return """
                server {
                  listen 127.0.0.1:%d;
                  location = /api/v1/chain {
                    default_type application/json; add_header Cache-Control "public, max-age=5"; return 200 '%s';
                  }
                  location / { default_type application/json; return 200 '{}'; }
                }
                """.formatted(port, CHAIN);
    }

    /** nginx as the same kind of proxy: a per-address limit_req zone (high enough not to refuse) and kept-alive upstreams. */
    private static String referenceServer(int port, int backendPort) {
        return """
                limit_req_zone $binary_remote_addr zone=api:10m rate=1000000r/s;
                upstream backend { server 127.0.0.1:%d; keepalive 64; }
                server {
                  listen 127.0.0.1:%d;
                  location /api/v1/ {
                    limit_req zone=api burst=1000000 nodelay;
                    limit_req_status 429;
                    proxy_http_version 1.1; proxy_set_header Connection ""; proxy_pass http://backend;
                  }
                }
                """.formatted(backendPort, port);
    }

    private static LoopbackProcess gateway(Path dir, TestDatabase db, int port, int managementPort, int backendPort)
            throws IOException, InterruptedException {
        return gateway(dir, db, port, managementPort, backendPort, gatewayJar(), "gateway");
    }

    private static LoopbackProcess gateway(Path dir, TestDatabase db, int port, int managementPort, int backendPort, Path jar,
            String name) throws IOException, InterruptedException {
        String backend = "http://127.0.0.1:" + backendPort;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // as the image runs it (Dockerfile's JDK_JAVA_OPTIONS: the JVM's default collector, G1), with the heap a
                // 730 MiB container's 70 % would give
                "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"));
        String jfr = System.getProperty("numi.bench.gateway.jfr");
        if (jfr != null && name.equals("gateway")) {
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--management.server.port=" + managementPort, "--management.server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--numi.gateway.backends.node.urls=" + backend, "--numi.gateway.backends.mempool.urls=" + backend,
                "--numi.gateway.backends.mempool.health-path=/api/v1/chain",
                "--numi.gateway.backends.explorer.urls=" + backend,
                "--numi.gateway.backends.explorer.health-path=/api/v1/chain",
                "--numi.gateway.limits.key-prefix=numibench:" + UUID.randomUUID(),
                "--numi.gateway.limits.anonymous.rate=" + CLIENT_LIMIT, "--numi.gateway.limits.anonymous.burst=" + CLIENT_LIMIT,
                "--numi.gateway.trusted-proxies=127.0.0.1/32",
                // like the reference nginx (access_log off): no per-request log line in the measurement
                "--logging.level.numi.gateway.access=WARN"));
        return LoopbackProcess.start(name, command, dir.resolve(name + ".log")).awaitPort(port, Duration.ofSeconds(240));
    }

    private static Path gatewayJar() throws IOException {
        String given = System.getProperty("numi.bench.gateway.jar");
        if (given != null) {
            return Path.of(given).toAbsolutePath();
        }
        Path target = Path.of("gateway", "target");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "gateway-*-exec.jar")) {
            for (Path jar : jars) {
                return jar.toAbsolutePath();
            }
        }
        throw new IOException("no gateway/target/gateway-*-exec.jar: build it (./mvnw -DskipTests -pl gateway -am package)");
    }

    private static void awaitReady(int managementPort) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the gateway did not become ready");
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
