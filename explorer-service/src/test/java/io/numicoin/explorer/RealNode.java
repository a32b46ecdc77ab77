package io.numicoin.explorer;

import io.numicoin.node.NodeApplication;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collections;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real node ({@code NodeApplication} on its own PostgreSQL database, publishing {@code numi.chain.v1}
 * to the given broker), as the node-service ITs start one: its API is what the explorer backfills
 * and resyncs from.
 */
public final class RealNode implements AutoCloseable {

    /** The node's mining token: POST /api/v1/blocks needs it (docs/api.md). */
    private static final String MINING_TOKEN = "explorer-test-mining-token-0123";

    private final TestDatabase db;
    private final ConfigurableApplicationContext context;
    private final WebTestClient client;
    private final String baseUrl;

    public RealNode(EmbeddedKafka kafka, String name) throws Exception {
        db = TestPostgres.shared().createDatabase(name);
        context = new SpringApplicationBuilder(NodeApplication.class).run(
                "--spring.config.location=" + nodeConfig().toUri(),
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--server.port=0",
                "--management.server.port=-1",
                "--numi.network=regtest",
                "--numi.p2p.listen=/ip4/127.0.0.1/tcp/0",
                "--numi.p2p.data-dir=target/p2p-" + name,
                "--numi.p2p.discovery.mdns=false",
                "--numi.api.mining-token=" + MINING_TOKEN);
        baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        client = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** The node's own application.yml (the explorer's shadows it on this classpath), copied to a file. */
    private static Path nodeConfig() throws Exception {
        for (URL url : Collections.list(NodeApplication.class.getClassLoader().getResources("application.yml"))) {
            if (url.toString().contains("node-service")) {
                Path file = Files.createTempFile("node-application", ".yml");
                try (InputStream in = url.openStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                return file;
            }
        }
        throw new IllegalStateException("node-service's application.yml is not on the test classpath");
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Submits a block through the node's API (it validates and imports it; the tip may move). */
    public void submit(Block block) {
        client.post().uri("/api/v1/blocks").header("Authorization", "Bearer " + MINING_TOKEN).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(BlockCodec.encode(block)).exchange().expectStatus().isOk();
    }

    @Override
    public void close() {
        context.close();
        db.close();
    }
}
