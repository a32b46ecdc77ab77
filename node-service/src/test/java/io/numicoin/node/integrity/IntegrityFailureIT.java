package io.numicoin.node.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.node.NodeApplication;
import io.numicoin.node.NodeDatabase;
import io.numicoin.node.TestChains;
import io.numicoin.node.chain.ChainService;
import io.numicoin.node.chain.ChainUnavailableException;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.protocol.block.Block;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A node started on a database whose accounts were tampered with: readiness is DOWN naming the
 * reindex command and the chain service refuses calls; the reindex command (as Spring Boot runs
 * it) repairs the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "numi.network=regtest", "numi.events.publish=false", "numi.integrity.check-level=1"})
@DirtiesContext
class IntegrityFailureIT {

    static final ChainBuilder BUILDER = ChainBuilder.regtest();
    static final NodeDatabase DB = damagedDatabase();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DB.database().jdbcUrl());
        registry.add("spring.datasource.username", () -> DB.database().user());
        registry.add("spring.datasource.password", () -> DB.database().password());
        registry.add("numi.chain.block-files", () -> NodeDatabase.BLOCK_FILES.toAbsolutePath().toString());  // where DB's bodies are
    }

    @Autowired
    ChainService chain;
    @LocalManagementPort
    int managementPort;

    // The database is dropped by TestPostgres at JVM exit, after @DirtiesContext has closed the context.

    @Test
    void refusesToServeAndReindexRepairs() {
        assertThatThrownBy(() -> chain.status()).isInstanceOf(ChainUnavailableException.class)
                .hasMessageContaining("ACCOUNTS_MISMATCH").hasMessageContaining("--numi.command=reindex");
        assertThatThrownBy(() -> chain.submitBlock(BUILDER.genesis())).isInstanceOf(ChainUnavailableException.class);
        int[] status = new int[1];
        String readiness = WebClient.create("http://127.0.0.1:" + managementPort).get().uri("/actuator/health/readiness")
                .exchangeToMono(response -> {
                    status[0] = response.statusCode().value();
                    return response.bodyToMono(String.class);
                }).block(Duration.ofSeconds(10));
        assertThat(status[0]).isEqualTo(503);
        assertThat(readiness).contains("\"status\":\"DOWN\"").contains("--numi.command=reindex");

        try (ConfigurableApplicationContext reindex = new SpringApplicationBuilder(NodeApplication.class)
                .web(WebApplicationType.NONE)
                .run("--numi.command=reindex", "--numi.network=regtest", "--numi.events.publish=false",
                        "--spring.datasource.url=" + DB.database().jdbcUrl(),
                        "--spring.datasource.username=" + DB.database().user(),
                        "--spring.datasource.password=" + DB.database().password(),
                        "--numi.chain.block-files=" + NodeDatabase.BLOCK_FILES.toAbsolutePath())) {
            assertThat(reindex.getBeansOfType(ChainStartup.class)).isEmpty();
            assertThat(SpringApplication.exit(reindex)).isZero();
        }
        IntegrityReport after = new StartupIntegrityCheck(BUILDER.params(), DB.jdbc(), DB.transactions(), DB.blockFiles(),
                new StartupIntegrityCheck.Settings(1_000, 2, 0), TestChains.CLOCK).run();
        assertThat(after.problems()).isEmpty();
    }

    /** A chain whose tip block paid key 7, then key 7's balance raised behind the node's back. */
    private static NodeDatabase damagedDatabase() {
        NodeDatabase db = NodeDatabase.create("integrityapp");
        List<Block> funded = TestChains.funded(BUILDER, 1);
        Block tip = BUILDER.child(funded.getLast()).transfers(BUILDER.transfer(1, TestKeys.address(7), 5_000, 100, 1)).build();
        try (NodeChainService service = db.chainService(BUILDER.params())) {
            service.start();
            funded.forEach(service::submitBlock);
            service.submitBlock(tip);
        }
        db.jdbc().update("UPDATE accounts SET balance = balance * 2 WHERE address = ?", (Object) TestKeys.address(7).policyHash().toArray());
        return db;
    }
}
