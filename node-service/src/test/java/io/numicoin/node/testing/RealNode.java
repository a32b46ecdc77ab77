package io.numicoin.node.testing;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real regtest node for other modules' ITs (node-service's test-jar): {@code NodeApplication} on
 * its own PostgreSQL database ({@code TestPostgres.shared()}), publishing to the given broker, its
 * API on a free port with the mining token {@link #MINING_TOKEN}, p2p on loopback with a throwaway
 * key under {@code target/p2p-<name>} and no multicast discovery. The node's own
 * {@code application.yml} is used even where the caller's module has one that shadows it.
 */
public final class RealNode implements AutoCloseable {

    /** The node's mining token: {@code POST /api/v1/blocks} needs it (docs/api.md). */
    public static final String MINING_TOKEN = "test-mining-token-0123456789";

    private final TestDatabase db;
    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final WebTestClient client;

    private RealNode(TestDatabase db, ConfigurableApplicationContext context) {
        this.db = db;
        this.context = context;
        this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        this.client = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(60)).build();
    }

    /**
     * Starts a node named {@code name} (its database and p2p directory) on {@code kafka};
     * {@code extraArgs} add or override settings (e.g. {@code --numi.api.mempool-url=...}).
     */
    public static RealNode start(EmbeddedKafka kafka, String name, String... extraArgs) {
        TestDatabase db = TestPostgres.shared().createDatabase(name);
        try {
            List<String> args = new ArrayList<>(db.springArgs());
            args.addAll(List.of(
                    "--spring.config.location=" + nodeConfig().toUri(),
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--server.port=0",
                    "--management.server.port=-1",
                    "--numi.network=regtest",
                    "--numi.events.publish=true",
                    "--numi.api.mining-token=" + MINING_TOKEN,
                    "--numi.p2p.listen=/ip4/127.0.0.1/tcp/0",
                    "--numi.p2p.data-dir=target/p2p-" + name,
                    "--numi.p2p.discovery.mdns=false"));
            // a setting given twice on the command line would be joined with a comma ("true,false"): the caller's wins
            for (String extra : extraArgs) {
                int eq = extra.indexOf('=');
                String prefix = (eq < 0 ? extra : extra.substring(0, eq)) + "=";
                args.removeIf(arg -> arg.startsWith(prefix));
            }
            args.addAll(List.of(extraArgs));
            return new RealNode(db, new SpringApplicationBuilder(NodeApplication.class).run(args.toArray(String[]::new)));
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    /** The node's own application.yml (a service's own shadows it on that service's test classpath), copied to a file. */
    private static Path nodeConfig() {
        try {
            for (URL url : Collections.list(NodeApplication.class.getClassLoader().getResources("application.yml"))) {
                if (url.toString().contains("node-service")) {
                    Path file = Files.createTempFile("node-application", ".yml");
                    try (InputStream in = url.openStream()) {
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                    file.toFile().deleteOnExit();
                    return file;
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot copy node-service's application.yml", e);
        }
        throw new IllegalStateException("node-service's application.yml is not on the test classpath");
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A client of the node's API (60 s answers). */
    public WebTestClient client() {
        return client;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** Submits a block through the node's API with the mining token (it validates and imports it; the tip may move): 200 expected. */
    public WebTestClient.BodyContentSpec submit(Block block) {
        return client.post().uri("/api/v1/blocks").header("Authorization", "Bearer " + MINING_TOKEN)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(BlockCodec.encode(block))
                .exchange().expectStatus().isOk().expectBody();
    }

    @Override
    public void close() {
        context.close();
        db.close();
    }
}
