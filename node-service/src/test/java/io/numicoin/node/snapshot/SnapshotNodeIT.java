package io.numicoin.node.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.node.NodeApplication;
import io.numicoin.node.p2p.TestNode;
import io.numicoin.node.TestChains;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.ops.NodeOperations;
import io.numicoin.node.p2p.NodeP2pService;
import io.numicoin.node.p2p.gossip.BlockGossip;
import io.numicoin.node.p2p.sync.ChainSync;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult.Outcome;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fast sync end to end: a full node with a chain of a few hundred regtest blocks exports a snapshot;
 * {@code snapshot-import} loads it into a fresh database; a node started on it serves the state at
 * the snapshot height, refuses blocks with a wrong timestamp or difficulty and blocks forking below
 * the base, connects the next blocks through the API, keeps an invalid block's reason across a
 * restart, and then syncs the rest of the chain from the full node over p2p, ending on the same state
 * (a stale block below the base gossiped by that peer is ignored without punishing it).
 * It can export a snapshot of its own; reindex, which would replay from genesis, refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotNodeIT {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final int BASE = 250;

    final EmbeddedKafka kafka = EmbeddedKafka.launch();
    final ChainBuilder builder = ChainBuilder.regtest();
    final HttpClient http = HttpClient.newHttpClient();
    final List<Block> chain = new ArrayList<>();  // chain.get(i) is at height i + 1
    TestDatabase fullDb;
    TestDatabase snapshotDb;
    ConfigurableApplicationContext full;
    ConfigurableApplicationContext node;
    Path dir;

    SnapshotNodeIT() throws IOException {
        dir = Files.createTempDirectory("numi-snapshot-node");
        chain.addAll(builder.extend(builder.genesis(), 101, 1));
        Block tip = chain.getLast();
        for (int i = 0; i < 5; i++) {
            tip = builder.child(tip).transfers(
                    builder.transfer(1, TestKeys.address(10 + i), 1_000_000L, 1_000, 2L * i + 1),
                    builder.transfer(1, TestKeys.address(30 + i), 2_000_000L, 1_000, 2L * i + 2)).build();
            chain.add(tip);
        }
        chain.addAll(builder.extend(tip, BASE - chain.size(), 2));
        chain.addAll(builder.extend(chain.getLast(), 30, 3));
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (full != null) {
            full.close();
        }
        kafka.close();
        if (snapshotDb != null) {
            snapshotDb.close();
        }
        if (fullDb != null) {
            fullDb.close();
        }
    }

    @Test
    @Order(1)
    void aNodeStartedFromASnapshotServesItsStateAndContinuesThroughTheApi() throws Exception {
        fullDb = TestPostgres.shared().createDatabase("snapnode_full");
        full = start("full", fullDb, List.of());
        NodeChainService fullChain = full.getBean(NodeChainService.class);
        for (Block block : chain.subList(0, BASE)) {
            assertThat(fullChain.submitBlock(block).outcome()).isEqualTo(Outcome.CONNECTED);
        }
        Path file = dir.resolve("base.snapshot");
        SnapshotManifest manifest = full.getBean(NodeOperations.class).exportSnapshot(file);
        assertThat(manifest.height()).isEqualTo(BASE);

        snapshotDb = TestPostgres.shared().createDatabase("snapnode_fast");
        assertThat(runCommand(snapshotDb, "fast", "snapshot-import", "--numi.snapshot.file=" + file)).isZero();
        node = start("fast", snapshotDb, List.of());

        Block base = chain.get(BASE - 1);
        assertThat(JsonPath.<Integer>read(get("/api/v1/chain").body(), "$.height")).isEqualTo(BASE);
        assertThat(JsonPath.<String>read(get("/api/v1/chain").body(), "$.tipId")).isEqualTo(id(base));
        long expected = builder.stateAfter(base).account(TestKeys.address(12)).balance().units();
        assertThat(JsonPath.<Number>read(get("/api/v1/accounts/" + bech32(12)).body(), "$.balance.units").longValue())
                .isEqualTo(expected).isEqualTo(1_000_000L);
        HttpResponse<String> gone = get("/api/v1/blocks/" + id(chain.get(4)) + "?format=hex");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("BODY_NOT_STORED");
        assertThat(JsonPath.<String>read(get("/api/v1/blocks/height/5").body(), "$.status")).isEqualTo("FROM_SNAPSHOT");
        assertThat(JsonPath.<Integer>read(get("/api/v1/headers?from=0&count=300").body(), "$.count")).isEqualTo(BASE + 1);
        HttpResponse<String> known = post(chain.get(4));  // a body below the base: known, not stored, not taken
        assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(known.body(), "$.outcome")).isEqualTo("ALREADY_KNOWN");
        assertThat(gone.statusCode()).isEqualTo(get("/api/v1/blocks/" + id(chain.get(4)) + "?format=hex").statusCode());

        // Header rules need the recent headers (median time past) and the difficulty anchor: all there.
        Block early = builder.child(base).timestamp(chain.get(BASE - 6).header().timestamp()).build();
        assertRejected(post(early), "TIMESTAMP_NOT_AFTER_MEDIAN_TIME_PAST");
        BigInteger harder = base.header().target().toTarget().shiftRight(1);
        Block wrongTarget = builder.child(base).target(CompactTarget.fromTarget(harder)).build();
        assertRejected(post(wrongTarget), "WRONG_DIFFICULTY");
        Block belowBase = builder.child(chain.get(BASE - 11)).coinbaseMemo("fork below the base").build();
        assertRejected(post(belowBase), "BELOW_SNAPSHOT_BASE");

        for (Block block : chain.subList(BASE, BASE + 10)) {
            HttpResponse<String> accepted = post(block);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(JsonPath.<String>read(accepted.body(), "$.outcome")).isEqualTo("CONNECTED");
            assertThat(fullChain.submitBlock(block).outcome()).isEqualTo(Outcome.CONNECTED);
        }
        assertThat(node.getBean(NodeChainService.class).status().tipId()).isEqualTo(fullChain.status().tipId());
        assertThat(accounts(snapshotDb)).isEqualTo(accounts(fullDb));
    }

    @Test
    @Order(2)
    void anInvalidBlockKeepsItsReasonAcrossARestartAndTheNodeSyncsTheRestFromAPeer() throws Exception {
        Block tip = chain.get(BASE + 9);
        Block greedy = builder.child(tip).coinbaseMemo("greedy").coinbaseOverpaying(1).build();
        Block greedyChild = builder.child(greedy).build();
        assertRejected(post(greedy), "COINBASE_AMOUNT_TOO_HIGH");
        assertRejected(post(greedyChild), "INVALID_ANCESTOR");

        NodeChainService fullChain = full.getBean(NodeChainService.class);
        for (Block block : chain.subList(BASE + 10, chain.size())) {
            assertThat(fullChain.submitBlock(block).outcome()).isEqualTo(Outcome.CONNECTED);
        }
        NodeP2pService fullP2p = full.getBean(NodeP2pService.class);
        String fullAddress = fullP2p.listenAddresses().getFirst().withPeerId(fullP2p.peerId()).toString();

        node.close();
        node = start("fast", snapshotDb, List.of(fullAddress));

        assertRejected(post(greedy), "COINBASE_AMOUNT_TOO_HIGH");
        assertRejected(post(greedyChild), "INVALID_ANCESTOR");
        NodeChainService fast = node.getBean(NodeChainService.class);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(fast.status().tipId()).isEqualTo(fullChain.status().tipId()));
        assertThat(fast.status().height()).isEqualTo(chain.size());
        assertThat(accounts(snapshotDb)).isEqualTo(accounts(fullDb));

        // A stale block below the base gossiped by an honest peer: ignored, the peer is not punished.
        Block stale = builder.child(chain.get(BASE - 11)).coinbaseMemo("stale, below the base").build();
        assertThat(fullChain.submitBlock(stale).outcome()).isEqualTo(Outcome.SIDE_BRANCH);
        BlockGossip gossip = full.getBean(BlockGossip.class);
        await().atMost(PATIENCE).until(() -> gossip.publish(BlockCodec.encode(stale)).join().peers() > 0);
        Block next = builder.child(chain.getLast()).build();
        assertThat(fullChain.submitBlock(next).outcome()).isEqualTo(Outcome.CONNECTED);
        gossip.publish(BlockCodec.encode(next)).join();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(fast.status().tipId()).isEqualTo(fullChain.status().tipId()));
        Counter invalid = node.getBean(MeterRegistry.class).find("numi.p2p.penalties").tag("reason", "INVALID_BLOCK").counter();
        assertThat(invalid == null ? 0.0 : invalid.count()).isZero();
        assertThat(node.getBean(NodeP2pService.class).connectedPeers()).contains(fullP2p.peerId());
        boolean staleKept = fast.readTree(tree -> tree.contains(BlockHeaderCodec.id(stale.header())));
        assertThat(staleKept).isFalse();
        chain.add(next);

        assertThat(new JdbcTemplate(snapshotDb.dataSource()).queryForObject(
                "SELECT count(*) FROM block_body WHERE id IN (SELECT id FROM main_chain WHERE height BETWEEN 1 AND ?)", Long.class, BASE))
                .as("no body at or below the base was fetched").isZero();
    }

    @Test
    @Order(3)
    void aPeerWhoseChainForksBelowTheBaseIsNotFollowedNorPunished() throws Exception {
        // A longer chain that leaves ours 20 blocks below the base: more work, but not one this node can follow.
        List<Block> fork = builder.extend(chain.get(BASE - 21), chain.size() - (BASE - 20) + 20, 7);
        TestDatabase forkDb = TestPostgres.shared().createDatabase("snapshot_fork");
        try (ConfigurableApplicationContext forker = start("forker", forkDb, List.of())) {
            NodeChainService forkChain = forker.getBean(NodeChainService.class);
            for (Block block : chain.subList(0, BASE - 20)) {
                forkChain.submitBlock(block);
            }
            for (Block block : fork) {
                assertThat(forkChain.submitBlock(block).outcome()).isEqualTo(Outcome.CONNECTED);
            }
            NodeP2pService forkP2p = forker.getBean(NodeP2pService.class);
            String forkAddress = forkP2p.listenAddresses().getFirst().withPeerId(forkP2p.peerId()).toString();
            NodeChainService fast = node.getBean(NodeChainService.class);
            Hash256 tipBefore = fast.status().tipId();

            node.close();
            node = start("fast", snapshotDb, List.of(forkAddress));
            ChainSync sync = node.getBean(ChainSync.class);
            await().atMost(PATIENCE).until(() -> sync.unfollowableChains() >= 1);

            assertThat(node.getBean(NodeChainService.class).status().tipId()).isEqualTo(tipBefore);
            assertThat(node.getBean(NodeP2pService.class).connectedPeers()).contains(forkP2p.peerId());
            Counter invalidHeader = node.getBean(MeterRegistry.class).find("numi.p2p.penalties").tag("reason", "INVALID_HEADER").counter();
            assertThat(invalidHeader == null ? 0.0 : invalidHeader.count()).isZero();
        } finally {
            forkDb.close();
        }
    }

    @Test
    @Order(4)
    void aSnapshotNodeExportsSnapshotsOfItsOwnButCannotReindex() throws Exception {
        Path file = dir.resolve("again.snapshot");
        SnapshotManifest manifest = node.getBean(NodeOperations.class).exportSnapshot(file);
        assertThat(manifest.height()).isEqualTo(chain.size());
        assertThat(SnapshotVerifier.verify(file, builder.params(), TestChains.CLOCK.instant().getEpochSecond()).manifest())
                .isEqualTo(manifest);

        node.close();
        node = null;
        List<String> before = accounts(snapshotDb);
        assertThat(runCommand(snapshotDb, "fast", "reindex")).isNotZero();
        assertThat(accounts(snapshotDb)).isEqualTo(before);
    }

    private ConfigurableApplicationContext start(String name, TestDatabase db, List<String> bootstrap) throws IOException {
        List<String> args = TestNode.arguments(name, db, kafka, false, Files.createDirectories(dir.resolve("p2p-" + name)), bootstrap);
        args.add("--numi.p2p.discovery.mdns=false");
        return new SpringApplicationBuilder(NodeApplication.class).run(args.toArray(String[]::new));
    }

    /** Runs a command mode with the node {@code name}'s database and data directory (where its block files are), as an operator would. */
    private int runCommand(TestDatabase db, String name, String command, String... extra) {
        List<String> args = new ArrayList<>(List.of("--numi.command=" + command, "--numi.network=regtest", "--numi.events.publish=false",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--numi.p2p.data-dir=" + dir.resolve("p2p-" + name)));
        args.addAll(List.of(extra));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NodeApplication.class)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new))) {
            return SpringApplication.exit(context);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(Block block) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/blocks")).header("Content-Type", "application/octet-stream")
                .header("Authorization", "Bearer " + TestNode.MINING_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(BlockCodec.encode(block))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRejected(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains(reason);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path);
    }

    private String bech32(int key) {
        return AddressFormat.encode(TestKeys.address(key), builder.params().hrp());
    }

    private static String id(Block block) {
        return BlockHeaderCodec.id(block.header()).toHex();
    }

    private static List<String> accounts(TestDatabase db) {
        return new JdbcTemplate(db.dataSource()).queryForList("SELECT t::text FROM accounts t ORDER BY 1", String.class);
    }
}
