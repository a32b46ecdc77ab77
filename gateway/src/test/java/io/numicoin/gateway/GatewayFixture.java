package io.numicoin.gateway;

import io.numicoin.gateway.key.ApiKeyStore;
import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.route.Scope;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What the gateway ITs share: two real gateway replicas (A trusts 127.0.0.1 as a proxy, B trusts
 * no one) over one real PostgreSQL database and one real Redis (a key prefix of their own), in
 * front of test backends: two nodes, a mempool and an explorer.
 */
final class GatewayFixture implements AutoCloseable {

    static final Limits ANONYMOUS = new Limits(0.5, 5, 0.25, 2);

    final TestBackend node1 = TestBackend.start("node-1");
    final TestBackend node2 = TestBackend.start("node-2");
    final TestBackend mempool = TestBackend.start("mempool");
    final TestBackend explorer = TestBackend.start("explorer");
    final TestDatabase db = TestPostgres.shared().createDatabase("gateway");
    final String redisPrefix = "numitest:gw:" + UUID.randomUUID();
    final GatewayInstance a;
    final GatewayInstance b;
    final ApiKeyStore keys;
    private final AtomicInteger addresses = new AtomicInteger();

    private static GatewayFixture shared;

    /** The one fixture of this test JVM (both replicas start once), closed when the JVM exits. */
    static synchronized GatewayFixture shared() {
        if (shared == null) {
            shared = new GatewayFixture();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "gateway-fixture-close"));
        }
        return shared;
    }

    private GatewayFixture() {
        a = GatewayInstance.start(settings("127.0.0.1/32"));
        b = GatewayInstance.start(settings(""));
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        keys = new ApiKeyStore(ds, "gateway");
    }

    private List<String> settings(String trusted) {
        return List.of(
                "spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + db.password(),
                "numi.gateway.backends.node.urls=" + node1.url() + "," + node2.url(),
                "numi.gateway.backends.mempool.urls=" + mempool.url(),
                "numi.gateway.backends.explorer.urls=" + explorer.url(),
                "numi.gateway.health.interval=200ms", "numi.gateway.health.timeout=500ms",
                "numi.gateway.resilience.timeout=2s", "numi.gateway.resilience.open-for=500ms",
                "numi.gateway.resilience.window=4",
                "numi.gateway.limits.key-prefix=" + redisPrefix,
                "numi.gateway.limits.anonymous.rate=" + ANONYMOUS.rate(),
                "numi.gateway.limits.anonymous.burst=" + ANONYMOUS.burst(),
                "numi.gateway.limits.anonymous.expensive-rate=" + ANONYMOUS.expensiveRate(),
                "numi.gateway.limits.anonymous.expensive-burst=" + ANONYMOUS.expensiveBurst(),
                "numi.gateway.trusted-proxies=" + trusted,
                "numi.gateway.cors.allowed-origins=https://wallet.example");
    }

    /** A client address no other test uses (for X-Forwarded-For through replica A). */
    String freshAddress() {
        int n = addresses.incrementAndGet();
        return "198.51." + (n / 250) + "." + (1 + n % 250);
    }

    /**
     * A client of replica A seen as an address of its own (X-Forwarded-For from the trusted
     * 127.0.0.1): its own buckets, including the one that bounds key lookups.
     */
    org.springframework.test.web.reactive.server.WebTestClient aAsFreshClient() {
        return a.client().mutate().defaultHeader("X-Forwarded-For", freshAddress()).build();
    }

    /** A new key's text. */
    String key(Limits limits, Set<Scope> scopes) throws SQLException {
        return keys.create("test", scopes, limits).token().text();
    }

    /** A key with room for any test's polling. */
    String roomyKey() throws SQLException {
        return key(new Limits(1000, 10_000, 1000, 10_000), EnumSet.allOf(Scope.class));
    }

    @Override
    public void close() {
        a.close();
        b.close();
        db.close();
        List.of(node1, node2, mempool, explorer).forEach(TestBackend::close);
    }
}
