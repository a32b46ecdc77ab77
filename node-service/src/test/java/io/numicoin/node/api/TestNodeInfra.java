package io.numicoin.node.api;

import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL database and a real Kafka broker for one integration-test class, and the
 * properties that point a node at them: regtest, a random management port, known admin and mining tokens.
 */
final class TestNodeInfra implements AutoCloseable {

    static final String ADMIN_TOKEN = "test-admin-token";
    static final String MINING_TOKEN = "test-mining-token-0123456789";
    /** The {@code Authorization} header of a miner: {@code POST /api/v1/blocks} and the proposal endpoint need it. */
    static final String MINING_AUTHORIZATION = "Bearer " + MINING_TOKEN;

    final TestDatabase db;
    final EmbeddedKafka kafka;

    private TestNodeInfra(TestDatabase db, EmbeddedKafka kafka) {
        this.db = db;
        this.kafka = kafka;
    }

    static TestNodeInfra start(String name) {
        return new TestNodeInfra(TestPostgres.shared().createDatabase(name), EmbeddedKafka.launch());
    }

    void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("management.server.port", () -> "0");
        registry.add("numi.network", () -> "regtest");
        registry.add("numi.admin.token", () -> ADMIN_TOKEN);
        registry.add("numi.api.mining-token", () -> MINING_TOKEN);
    }

    @Override
    public void close() {
        kafka.close();
        db.close();
    }
}
