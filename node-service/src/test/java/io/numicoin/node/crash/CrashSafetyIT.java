package io.numicoin.node.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.ChainEvent;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.node.NodeDatabase;
import io.numicoin.node.TestChains;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.state.StateCommitment;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import io.numicoin.support.kafka.PartitionReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash safety: the node runs as its own JVM, is fed a regtest chain (signed transfers, two
 * reorganisations) through {@code POST /api/v1/blocks}, and is killed with SIGKILL at seeded random
 * moments — while starting, importing or relaying — {@code KILLS} times (20 in CI; {@code -Dnumi.crash.kills=100} from
 * {@code bench/run chaos}). After every kill
 * the state hash recomputed from the accounts table equals the stored one and the tip header's
 * commitment, and the restarted node becomes ready (its startup integrity check passed) and imports
 * on. At the end the tip is the chain's tip and {@code numi.chain.v1} holds every event with a
 * gap-free sequence (duplicates allowed, byte-identical), whose replay yields exactly the chain.
 */
class CrashSafetyIT {

    private static final int KILLS = Integer.getInteger("numi.crash.kills", 20);
    private static final long SEED = 20261125L;
    private static final ChainBuilder BUILDER = ChainBuilder.regtest();
    private static final Set<String> ACCEPTED = Set.of("CONNECTED", "SIDE_BRANCH", "ALREADY_KNOWN");

    private static EmbeddedKafka kafka;
    private static NodeDatabase db;
    private static final List<Block> MAIN = new ArrayList<>();
    private static final List<Block> FEED = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        kafka = EmbeddedKafka.launch();
        db = NodeDatabase.create("crash");
        MAIN.addAll(TestChains.funded(BUILDER, 1));
        long nonce = 0;
        while (MAIN.size() < 300) {
            Block tip = MAIN.getLast();
            MAIN.add(BUILDER.child(tip).coinbaseTo(TestKeys.address(1)).transfers(
                    BUILDER.transfer(1, TestKeys.address(40 + MAIN.size() % 7), 1_000_000L, 1_000, ++nonce),
                    BUILDER.transfer(1, TestKeys.address(50 + MAIN.size() % 5), 2_000_000L, 1_000, ++nonce)).build());
        }
        // Two side branches that briefly win: feed main up to fork+2, then 3 side blocks (a reorg of depth 2),
        // then main again (a reorg back once main is longer).
        int next = 0;
        for (int fork : new int[] {150, 245}) {
            FEED.addAll(MAIN.subList(next, fork + 2));
            FEED.addAll(BUILDER.extend(MAIN.get(fork - 1), 3, 2));
            next = fork + 2;
        }
        FEED.addAll(MAIN.subList(next, MAIN.size()));
    }

    @AfterAll
    static void tearDown() {
        db.close();
        kafka.close();
    }

    @Test
    void killedAtRandomTheNodeAlwaysRestartsConsistentAndEndsOnTheChainsTip() throws Exception {
        Random random = new Random(SEED);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Path log = Files.createDirectories(Path.of("target", "crash-safety")).resolve("node.log");
        Files.deleteIfExists(log);
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        int cursor = 0;
        int kills = 0;
        try {
            while (kills < KILLS) {
                NodeProcess node = NodeProcess.start(settings(), log);
                if (random.nextInt(4) == 0) {
                    Thread.sleep(500 + random.nextInt(3_000));  // kill while starting (migration, check, tree load, relay)
                } else {
                    assertThat(node.awaitReady(http, Duration.ofSeconds(90))).as("restart %d became ready (see %s)", kills, log).isTrue();
                    killer.schedule(() -> {
                        node.kill();
                        return null;
                    }, random.nextInt(1_000), TimeUnit.MILLISECONDS);
                    cursor = feed(http, node, cursor);
                    while (node.isAlive()) {
                        Thread.sleep(20);
                    }
                }
                node.kill();
                kills++;
                assertStateConsistent("after kill " + kills);
            }
            NodeProcess node = NodeProcess.start(settings(), log);
            assertThat(node.awaitReady(http, Duration.ofSeconds(90))).as("final start became ready").isTrue();
            cursor = feed(http, node, cursor);
            assertThat(cursor).isEqualTo(FEED.size());
            awaitOutboxEmpty(Duration.ofSeconds(60));
            node.stop();
        } finally {
            killer.shutdownNow();
        }
        assertStateConsistent("at the end");
        assertThat(Hash256.of(db.jdbc().queryForObject("SELECT id FROM chain_tip", byte[].class))).isEqualTo(TestChains.id(MAIN.getLast()));
        assertEventsReplayToTheChain();
    }

    /** Posts blocks from {@code cursor} until the feed ends or the node dies; returns the first block not known to be stored. */
    private static int feed(HttpClient http, NodeProcess node, int cursor) throws InterruptedException {
        while (cursor < FEED.size()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.apiPort + "/api/v1/blocks"))
                    .header("Content-Type", "application/octet-stream").timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + NodeProcess.MINING_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(BlockCodec.encode(FEED.get(cursor)))).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException killed) {
                return cursor;
            }
            assertThat(response.statusCode()).as("block %d: %s", cursor, response.body()).isEqualTo(200);
            String outcome = response.body().replaceAll(".*\"outcome\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
            assertThat(ACCEPTED).as("block %d: %s", cursor, response.body()).contains(outcome);
            cursor++;
        }
        return cursor;
    }

    private static void assertStateConsistent(String when) throws Exception {
        assertThat(db.recomputedAccumulator().sameSetAs(db.storedAccumulator())).as("accounts hash to the stored state %s", when).isTrue();
        assertThat(db.bucketsTimesRewards().sameSetAs(db.storedAccumulator())).as("buckets %s", when).isTrue();
        byte[] header = db.jdbc().queryForObject("SELECT b.header FROM chain_tip t JOIN block_index b ON b.id = t.id", byte[].class);
        assertThat(StateCommitment.of(db.storedAccumulator())).as("the tip header's commitment %s", when)
                .isEqualTo(BlockHeaderCodec.decode(header).stateCommitment());
    }

    private static void awaitOutboxEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (db.jdbc().queryForObject("SELECT count(*) FROM outbox", Long.class) > 0) {
            assertThat(System.nanoTime()).as("the relay emptied the outbox").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static void assertEventsReplayToTheChain() throws Exception {
        Map<Long, byte[]> bySequence = new HashMap<>();
        Map<Long, ChainEvent> events = new HashMap<>();
        for (byte[] value : consumeAll()) {
            ChainEvent event = ChainEventCodec.decode(value);
            byte[] earlier = bySequence.putIfAbsent(event.meta().sequence(), value);
            if (earlier != null) {
                assertThat(Arrays.equals(earlier, value)).as("duplicate of sequence %d is identical", event.meta().sequence()).isTrue();
            }
            events.put(event.meta().sequence(), event);
        }
        long highest = events.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        assertThat(events.keySet()).as("gap-free from 1").hasSize((int) highest);
        List<Hash256> replayed = new ArrayList<>();
        for (long sequence = 1; sequence <= highest; sequence++) {
            ChainEvent event = events.get(sequence);
            assertThat(event).as("sequence %d", sequence).isNotNull();
            if (event instanceof BlockConnected) {
                replayed.add(event.blockId());
            } else {
                assertThat(replayed.removeLast()).as("a disconnect takes off the tip").isEqualTo(event.blockId());
            }
        }
        List<Hash256> expected = new ArrayList<>(List.of(BUILDER.params().genesisId()));
        MAIN.forEach(block -> expected.add(TestChains.id(block)));
        if (!replayed.isEmpty() && !replayed.getFirst().equals(BUILDER.params().genesisId())) {
            expected.removeFirst();  // genesis is not announced
        }
        assertThat(replayed).isEqualTo(expected);
        assertThat(highest).as("at least one event per block plus the two reorgs").isGreaterThanOrEqualTo(MAIN.size() + 2 * 5);
    }

    private static List<byte[]> consumeAll() {
        return PartitionReader.readValues(kafka.bootstrapServers(), Topics.CHAIN, 0, Duration.ofSeconds(60));
    }

    private static List<String> settings() {
        return List.of("--numi.network=regtest", "--numi.events.publish=true", "--numi.events.relay-poll=200ms",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.datasource.url=" + db.database().jdbcUrl(), "--spring.datasource.username=" + db.database().user(),
                "--spring.datasource.password=" + db.database().password());
    }
}
