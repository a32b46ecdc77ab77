package io.numicoin.gateway;

import io.numicoin.gateway.key.ApiKeyStore;
import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.route.Scope;
import io.numicoin.minertest.MempoolProcess;
import io.numicoin.node.testing.RealNode;
import io.numicoin.protocol.block.Block;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway replica in front of real services: two regtest nodes ({@link RealNode}, in this JVM,
 * each on its own PostgreSQL database; the first is the event source), the real mempool service
 * following the first ({@link MempoolProcess}, its runnable jar as its own JVM, on the same embedded
 * Kafka broker), real Redis and the gateway's own PostgreSQL database. No explorer. The nodes are
 * not peers: a test gives each the blocks it wants it to have.
 *
 * <p>The nodes' and this gateway's Spring contexts share Reactor Netty's global event loops, and
 * closing any of them disposes those for all: so a test takes a node down by stopping its API server
 * ({@link #stopApi}), and everything is closed together at the end. The gateway module's ITs run in
 * a JVM each (failsafe's {@code reuseForks=false}) for the same reason.
 */
final class RealServices implements AutoCloseable {

    /** Anonymous limits: the expensive budget (submission) is two requests and does not refill during a test. */
    static final Limits ANONYMOUS = new Limits(5, 20, 0.01, 2);

    // not final: a start that fails half-way closes what it had started
    EmbeddedKafka kafka;
    RealNode node1;
    RealNode node2;
    private TestDatabase mempoolDb;
    MempoolProcess mempool;
    WebTestClient mempoolDirect;
    private TestDatabase gatewayDb;
    GatewayInstance gateway;
    String key;

    RealServices() throws Exception {
        try {
            start();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void start() throws Exception {
        kafka = EmbeddedKafka.launch();
        node1 = RealNode.start(kafka, "gateway_real_node1");
        mempoolDb = TestPostgres.shared().createDatabase("gateway_real_mempool");
        Path jar = MempoolProcess.jar().orElseThrow(() -> new IllegalStateException(
                "mempool-service-*-exec.jar is not on the test class path: run the IT in the reactor (-pl gateway -am verify)"));
        // its own JVM boots while the second node and the gateway start
        mempool = MempoolProcess.start(jar, mempoolDb.jdbcUrl(), mempoolDb.user(), mempoolDb.password(), kafka.bootstrapServers(),
                java.net.URI.create(node1.baseUrl()));
        mempoolDirect = WebTestClient.bindToServer().baseUrl(mempool.base().toString()).responseTimeout(Duration.ofSeconds(30)).build();
        node2 = RealNode.start(kafka, "gateway_real_node2", "--numi.events.publish=false");
        gatewayDb = TestPostgres.shared().createDatabase("gateway_real_gw");
        gateway = GatewayInstance.start(List.of(
                "spring.datasource.url=" + gatewayDb.jdbcUrl(), "spring.datasource.username=" + gatewayDb.user(),
                "spring.datasource.password=" + gatewayDb.password(),
                "numi.gateway.backends.node.urls=" + node1.baseUrl() + "," + node2.baseUrl(),
                "numi.gateway.backends.mempool.urls=" + mempool.base(),
                "numi.gateway.backends.explorer.urls=",
                "numi.gateway.health.interval=200ms", "numi.gateway.health.timeout=2s",
                "numi.gateway.resilience.open-for=1s", "numi.gateway.resilience.window=4",
                "numi.gateway.limits.key-prefix=numitest:gw-real:" + UUID.randomUUID(),
                "numi.gateway.limits.anonymous.rate=" + ANONYMOUS.rate(),
                "numi.gateway.limits.anonymous.burst=" + ANONYMOUS.burst(),
                "numi.gateway.limits.anonymous.expensive-rate=" + ANONYMOUS.expensiveRate(),
                "numi.gateway.limits.anonymous.expensive-burst=" + ANONYMOUS.expensiveBurst(),
                "numi.gateway.trusted-proxies=127.0.0.1/32"));
        key = roomyKey();
    }

    private String roomyKey() throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(gatewayDb.jdbcUrl());
        ds.setUser(gatewayDb.user());
        ds.setPassword(gatewayDb.password());
        return new ApiKeyStore(ds, "gateway").create("real-services", EnumSet.allOf(Scope.class),
                new Limits(1000, 10_000, 1000, 10_000)).token().text();
    }

    /** A client of the gateway with the roomy key. */
    WebTestClient withKey() {
        return gateway.client().mutate().defaultHeader("X-Api-Key", key).build();
    }

    /** A client of the gateway seen as anonymous client {@code address} (X-Forwarded-For from the trusted 127.0.0.1). */
    WebTestClient anonymous(String address) {
        return gateway.client().mutate().defaultHeader("X-Forwarded-For", address).build();
    }

    /** The node's API server stops: connections are refused, as from a node that is down (its context stays open). */
    static void stopApi(RealNode node) {
        ((WebServerApplicationContext) node.context()).getWebServer().stop();
    }

    void stopMempool() throws InterruptedException {
        mempool.close();
    }

    static void feed(RealNode node, List<Block> blocks) {
        blocks.forEach(node::submit);
    }

    static long height(RealNode node) {
        Map<?, ?> chain = node.client().get().uri("/api/v1/chain").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) chain.get("height")).longValue();
    }

    /** Waits until the mempool has followed the first node to {@code height} (its JVM may still be starting). */
    void awaitMempoolAt(long height) {
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (!mempool.alive()) {
                throw new IllegalStateException("the mempool process exited (see target/mempool-process.log)");
            }
            try {
                Map<?, ?> summary = mempoolDirect.get().uri("/api/v1/mempool").exchange().returnResult(Map.class)
                        .getResponseBody().blockFirst(Duration.ofSeconds(5));
                return summary != null && summary.get("tipHeight") instanceof Number n && n.longValue() == height;
            } catch (RuntimeException notUpYet) {
                return false;
            }
        });
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {gateway, mempool, node2, node1, kafka, mempoolDb, gatewayDb}) {
            if (part != null) {
                part.close();
            }
        }
    }
}
