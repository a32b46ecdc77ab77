package io.numicoin.explorer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.BlockDisconnected;
import io.numicoin.events.ChainEvent;
import io.numicoin.events.EventMeta;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.explorer.api.ExplorerQueries;
import io.numicoin.explorer.index.ChainIndexer.Outcome;
import io.numicoin.explorer.store.ChainCursor;
import io.numicoin.node.testing.RealNode;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.support.node.NodeApiClient;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.health.contributor.Status;

/**
 * Backfill and resync against a real node's API: an empty read model backfills from genesis and
 * equals a rebuild from the same blocks; a sequence reset and a gap resync it to the node's tip
 * (disconnecting its own blocks the node reorganised away); after a backfill, the node's whole topic
 * (a reorg included) replays as duplicates without another resync.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeResyncIT {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();
    private static EmbeddedKafka kafka;
    private static RealNode node;
    private static final List<Block> SUBMITTED = new ArrayList<>();

    @BeforeAll
    static void startNode() throws Exception {
        kafka = EmbeddedKafka.launch();
        node = RealNode.start(kafka, "explorerresync");
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
        kafka.close();
    }

    private static synchronized Block extendNode(int count, int minerKey) {
        Block tip = SUBMITTED.isEmpty() ? CHAIN.genesis() : SUBMITTED.getLast();
        for (Block block : CHAIN.extend(tip, count, minerKey)) {
            node.submit(block);
            SUBMITTED.add(block);
        }
        return SUBMITTED.getLast();
    }

    private static BigInteger workThrough(long height) {
        BigInteger work = CHAIN.genesis().header().target().work();
        for (Block b : SUBMITTED.subList(0, (int) height)) {
            work = work.add(b.header().target().work());
        }
        return work;
    }

    @Test
    @Order(1)  // before any test extends the node's chain
    void aBackfillFromANodeStillAtGenesisIsCaughtUpAndReady() {
        try (ReadModelDatabase model = new ReadModelDatabase(node.baseUrl())) {
            model.indexer.resync();
            assertThat(model.store.cursor().orElseThrow().tipHeight()).isZero();
            assertThat(model.indexer.height()).isZero();
            assertThat(model.indexer.lag()).isZero();
            assertThat(new ChainLagHealth(model.indexer, () -> true, 0).health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void anEmptyReadModelBackfillsFromGenesisAndEqualsARebuild() {
        Block tip = extendNode(6, 1);
        try (ReadModelDatabase backfilled = new ReadModelDatabase(node.baseUrl());
                ReadModelDatabase rebuilt = ReadModelDatabase.withoutNode()) {
            backfilled.indexer.resync();
            ChainCursor cursor = backfilled.store.cursor().orElseThrow();
            assertThat(cursor.tipId()).isEqualTo(BlockHeaderCodec.id(tip.header()));
            assertThat(cursor.tipHeight()).isEqualTo(new NodeApiClient(URI.create(node.baseUrl()), Duration.ofSeconds(10)).chain().height());
            assertThat(cursor.sequence()).isEqualTo(ChainCursor.UNKNOWN_SEQUENCE);
            assertThat(backfilled.indexer.lag()).isZero();

            rebuilt.store.connect(CHAIN.genesis(), CHAIN.genesis().header().target().work(), ChainCursor.UNKNOWN_SEQUENCE);
            for (int h = 1; h <= tip.height(); h++) {
                rebuilt.store.connect(SUBMITTED.get(h - 1), workThrough(h), ChainCursor.UNKNOWN_SEQUENCE);
            }
            assertThat(backfilled.activeProjection()).isEqualTo(rebuilt.activeProjection());
        }
    }

    @Test
    void behindTheNodeItIsNotReadyButServesAndOnceCaughtUpItIsReady() {
        Block tip = extendNode(6, 4);
        try (ReadModelDatabase model = new ReadModelDatabase(node.baseUrl())) {
            // the read model holds genesis and two blocks: far behind the node's tip
            model.store.connect(CHAIN.genesis(), CHAIN.genesis().header().target().work(), ChainCursor.UNKNOWN_SEQUENCE);
            for (int h = 1; h <= 2; h++) {
                model.store.connect(SUBMITTED.get(h - 1), workThrough(h), ChainCursor.UNKNOWN_SEQUENCE);
            }
            ChainIndexer indexer = new ChainIndexer(model.store, new NodeApiClient(URI.create(node.baseUrl()), Duration.ofSeconds(10)),
                    CHAIN.params().chainId(), java.time.Clock.systemUTC());
            ChainLagHealth readiness = new ChainLagHealth(indexer, () -> true, 1);
            indexer.refreshNodeHeight();
            long nodeHeight = new NodeApiClient(URI.create(node.baseUrl()), Duration.ofSeconds(10)).chain().height();
            assertThat(indexer.lag()).isEqualTo(nodeHeight - 2).isGreaterThan(1);
            assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(readiness.health().getDetails()).containsEntry("lagBlocks", nodeHeight - 2);
            // the API answers from what it has meanwhile
            ExplorerQueries queries = new ExplorerQueries(model.jdbc, CHAIN.params().hrp());
            assertThat(queries.blockAtHeight(2)).isPresent();
            assertThat(queries.blockAtHeight(2).orElseThrow().confirmations()).isEqualTo(1);

            indexer.resync();
            assertThat(indexer.lag()).isZero();
            assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
            assertThat(model.store.cursor().orElseThrow().tipId()).isEqualTo(BlockHeaderCodec.id(tip.header()));
            assertThat(new ChainLagHealth(indexer, () -> false, 1).health().getStatus())
                    .as("not ready before the initial backfill is done").isEqualTo(Status.OUT_OF_SERVICE);
        }
    }

    @Test
    void aSequenceResetOrAGapResyncsToTheNodesChain() {
        Block base = extendNode(3, 2);
        try (ReadModelDatabase model = new ReadModelDatabase(node.baseUrl())) {
            model.indexer.resync();
            // the read model follows a branch the node will leave: two blocks of its own on top of base
            List<Block> own = CHAIN.extend(base, 2, 7);
            long seq = 100;
            for (Block b : own) {
                BigInteger work = model.store.cursor().orElseThrow().tipWork().add(b.header().target().work());
                assertThat(model.indexer.apply(BlockConnected.of(new EventMeta(CHAIN.params().chainId(), seq++, 0), work, b)))
                        .isEqualTo(Outcome.APPLIED);
            }
            // the node (a failed-over source) goes on from base with three blocks and restarts its sequence at 0
            Block nodeTip = extendNode(3, 3);
            Outcome outcome = model.indexer.apply(BlockConnected.of(new EventMeta(CHAIN.params().chainId(), 0, 0),
                    workThrough(nodeTip.height()), nodeTip));
            assertThat(outcome).isEqualTo(Outcome.RESYNCED);
            ChainCursor cursor = model.store.cursor().orElseThrow();
            assertThat(cursor.tipId()).isEqualTo(BlockHeaderCodec.id(nodeTip.header()));
            assertThat(cursor.sequence()).isZero();
            assertThat(cursor.tipWork()).isEqualTo(workThrough(nodeTip.height()));
            for (Block b : own) {
                assertThat(model.store.isActive(BlockHeaderCodec.id(b.header()))).isFalse();
            }
            assertThat(model.jdbc.queryForObject("SELECT depth FROM reorg", Integer.class)).isEqualTo(2);
            for (int key : List.of(1, 2, 3, 7)) {
                long stored = model.jdbc.query("SELECT balance FROM address_balance WHERE address = ?",
                        (rs, i) -> rs.getLong(1), TestKeys.address(key).policyHash().toArray()).stream().findFirst().orElse(0L);
                long expected = balanceAfter(nodeTip, key);
                assertThat(stored).as("key %d", key).isEqualTo(expected);
            }

            // a gap: two more blocks on the node, the explorer hears only of the second
            extendNode(2, 4);
            Block last = SUBMITTED.getLast();
            assertThat(model.indexer.apply(BlockConnected.of(new EventMeta(CHAIN.params().chainId(), 2, 0),
                    workThrough(last.height()), last))).isEqualTo(Outcome.RESYNCED);
            assertThat(model.store.cursor().orElseThrow().tipId()).isEqualTo(BlockHeaderCodec.id(last.header()));
            assertThat(model.store.cursor().orElseThrow().sequence()).isEqualTo(2);
        }
    }

    @Test
    void replayingTheWholeTopicAfterABackfillCostsNoResyncAndEqualsARebuild() {
        extendNode(4, 5);
        // a reorganisation of depth 2 on the node: the topic holds disconnects and blocks now stale
        List<Block> fork;
        synchronized (NodeResyncIT.class) {
            Block forkPoint = SUBMITTED.get(SUBMITTED.size() - 3);
            fork = CHAIN.extend(forkPoint, 3, 8);
            fork.forEach(node::submit);
            SUBMITTED.subList((int) forkPoint.height(), SUBMITTED.size()).clear();
            SUBMITTED.addAll(fork);
        }
        Block tip = fork.getLast();
        List<ChainEvent> topic = chainTopicThrough(BlockHeaderCodec.id(tip.header()));
        assertThat(topic).anyMatch(e -> e instanceof BlockDisconnected);

        try (ReadModelDatabase model = new ReadModelDatabase(node.baseUrl());
                ReadModelDatabase rebuilt = ReadModelDatabase.withoutNode()) {
            model.indexer.resync();
            assertThat(model.indexer.resyncs()).isOne();
            for (ChainEvent event : topic) {
                assertThat(model.indexer.apply(event)).as("sequence %d", event.meta().sequence()).isEqualTo(Outcome.DUPLICATE);
            }
            assertThat(model.indexer.resyncs()).as("the backfill alone").isOne();
            ChainCursor cursor = model.store.cursor().orElseThrow();
            assertThat(cursor.sequence()).isEqualTo(topic.getLast().meta().sequence());
            assertThat(cursor.tipId()).isEqualTo(BlockHeaderCodec.id(tip.header()));

            rebuilt.store.connect(CHAIN.genesis(), CHAIN.genesis().header().target().work(), ChainCursor.UNKNOWN_SEQUENCE);
            for (int h = 1; h <= tip.height(); h++) {
                rebuilt.store.connect(SUBMITTED.get(h - 1), workThrough(h), ChainCursor.UNKNOWN_SEQUENCE);
            }
            assertThat(model.activeProjection()).isEqualTo(rebuilt.activeProjection());

            // the stream goes on: the node's next block is next in sequence and links
            Block next = extendNode(1, 5);
            List<ChainEvent> more = chainTopicThrough(BlockHeaderCodec.id(next.header()));
            assertThat(model.indexer.apply(more.getLast())).isEqualTo(Outcome.APPLIED);
            assertThat(model.indexer.resyncs()).isOne();
        }
    }

    /** Every event on the node's {@code numi.chain.v1}, from the first, once the last leaves {@code tipId} the tip. */
    private static List<ChainEvent> chainTopicThrough(Hash256 tipId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, EmbeddedKafka.MAX_MESSAGE_BYTES);
        List<ChainEvent> events = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.CHAIN, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    events.add(ChainEventCodec.decode(record.value()));
                }
                return !events.isEmpty() && events.getLast().tipIdAfter().equals(tipId);
            });
        }
        return events;
    }

    private static long balanceAfter(Block tip, int key) {
        var state = CHAIN.stateAfter(tip);
        long immature = state.immatureRewards().values().stream().filter(r -> r.recipient().equals(TestKeys.address(key)))
                .mapToLong(r -> r.amount().units()).sum();
        return state.account(TestKeys.address(key)).balance().units() + immature;
    }
}
