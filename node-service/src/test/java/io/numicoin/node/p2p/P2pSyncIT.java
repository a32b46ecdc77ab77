package io.numicoin.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.network.sync.ChainStatusMessage;
import io.numicoin.p2p.gossipsub.PublishResult;
import io.numicoin.node.relay.TransactionRelay;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.events.EventMeta;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.Topics;
import io.numicoin.events.TransactionSeen;
import io.numicoin.events.codec.EventCodecs;
import io.numicoin.events.codec.TransactionSeenCodec;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaSignature;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.crypto.TxSignature;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Headers-first sync of a 1,000-block chain by a fresh node, then misbehaving peers against it:
 * invalid gossiped blocks and a peer claiming work it cannot show are penalised and disconnected,
 * blocks arriving out of order and twice still connect, and honest sync carries on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class P2pSyncIT {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    final EmbeddedKafka kafka = EmbeddedKafka.launch();
    final ChainBuilder builder = ChainBuilder.regtest();
    TestNode seed;
    TestNode fresh;
    Block tip = builder.genesis();

    @AfterAll
    void stop() {
        if (fresh != null) {
            fresh.close();
        }
        if (seed != null) {
            seed.close();
        }
        kafka.close();
    }

    @Test
    @Order(1)
    void aFreshNodeSyncsAThousandBlockChainFromItsPeer() {
        seed = TestNode.start("s0", kafka, true, List.of());
        for (Block block : builder.extend(tip, 1_000, 1)) {
            assertThat(seed.submit(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
            tip = block;
        }
        fresh = TestNode.start("s1", kafka, false, List.of(seed.address()), "--numi.p2p.mempool-relay.enabled=true");
        Hash256 expected = BlockHeaderCodec.id(tip.header());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> fresh.tip().equals(expected));
        assertThat(fresh.status().height()).isEqualTo(1_000);
        assertThat(fresh.status().cumulativeWork()).isEqualTo(seed.status().cumulativeWork());
        assertThat(fresh.stateCommitment()).isEqualTo(seed.stateCommitment()).isEqualTo(tip.header().stateCommitment());
        // Every body asked for once: none asked again while queued for, or in, its import (it would come back known).
        assertThat(syncCounter(fresh, "numi.p2p.sync.block_requests")).isGreaterThanOrEqualTo(1_000);
        assertThat(syncCounter(fresh, "numi.p2p.sync.blocks_already_known")).isZero();
    }

    @Test
    @Order(2)
    void aPeerGossipingInvalidBlocksIsPenalisedAndDisconnected() {
        try (RawPeer evil = new RawPeer()) {
            evil.dial(fresh);
            await().atMost(PATIENCE).until(() -> fresh.peers().contains(evil.peerId()));
            // valid proof of work, invalid state: an honest relay may forward one before its import
            // finds out (header-first relay), so each is counted, never scored: twelve (more than
            // the ten MINOR penalties that would ban) leave the sender, and fresh which relayed them
            // to the seed, connected
            AtomicLong extra = new AtomicLong();
            for (int sent = 0; sent < 12; sent++) {
                double before = penalties(fresh, "INVALID_BODY");
                // a new block on each try: a block published once is a duplicate to the publisher's own gossip
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> evil.publish(
                        builder.child(tip).coinbaseTo(TestKeys.address(9)).coinbaseOverpaying(extra.incrementAndGet()).build()).peers() > 0);
                await().atMost(PATIENCE).until(() -> penalties(fresh, "INVALID_BODY") > before);
                sleep(100);
            }
            assertThat(fresh.peers()).contains(evil.peerId(), seed.peerId());
            assertThat(penalties(fresh, "INVALID_BLOCK")).isZero();
            assertThat(fresh.tip()).isEqualTo(BlockHeaderCodec.id(tip.header()));
            // without its proof of work: provably forged, banned at once
            Block forged = builder.child(tip).coinbaseTo(TestKeys.address(9)).coinbaseMemo("forged").withoutProofOfWork().build();
            evil.publish(forged);
            await().atMost(PATIENCE).until(() -> !fresh.peers().contains(evil.peerId()));
            assertThat(penalties(fresh, "INVALID_BLOCK")).isGreaterThanOrEqualTo(1);
            assertThat(fresh.tip()).isEqualTo(BlockHeaderCodec.id(tip.header()));
        }
    }

    @Test
    @Order(3)
    void peersClaimingWorkTheyCannotShowOrAnotherGenesisArePenalisedAndDisconnected() {
        try (RawPeer liar = new RawPeer()) {
            liar.claim(new ChainStatusMessage(builder.params().genesisId(), Hash256.of(new byte[32]), 5_000,
                    fresh.status().cumulativeWork().multiply(BigInteger.TEN)));
            liar.dial(fresh);
            await().atMost(PATIENCE).until(() -> penalties(fresh, "FALSE_TIP_CLAIM") >= 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> !fresh.peers().contains(liar.peerId()));
        }
        try (RawPeer stranger = new RawPeer()) {
            stranger.claim(new ChainStatusMessage(Hash256.of(new byte[32]), Hash256.of(new byte[32]), 0, BigInteger.ONE));
            stranger.dial(fresh);
            await().atMost(PATIENCE).until(() -> penalties(fresh, "WRONG_GENESIS") >= 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> !fresh.peers().contains(stranger.peerId()));
        }
    }

    @Test
    @Order(4)
    void blocksGossipedOutOfOrderAndTwiceConnectAndHonestSyncCarriesOn() {
        List<Block> next = builder.extend(tip, 3, 2);
        try (RawPeer relay = new RawPeer()) {
            relay.dial(fresh);
            await().atMost(PATIENCE).until(() -> relay.publish(next.get(2)).peers() > 0 || fresh.tip().equals(BlockHeaderCodec.id(next.get(2).header())));
            relay.publish(next.get(1));
            relay.publish(next.get(0));
            Hash256 expected = BlockHeaderCodec.id(next.get(2).header());
            await().atMost(PATIENCE).until(() -> fresh.tip().equals(expected));
            // the same blocks again, now through the seed: already known everywhere
            next.forEach(seed::submit);
            await().atMost(PATIENCE).until(() -> seed.tip().equals(expected));
            assertThat(fresh.peers()).contains(relay.peerId(), seed.peerId());
        }
        tip = next.getLast();
        List<Block> more = builder.extend(tip, 5, 1);
        more.forEach(block -> assertThat(seed.submit(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED));
        Hash256 expected = BlockHeaderCodec.id(more.getLast().header());
        await().atMost(PATIENCE).until(() -> fresh.tip().equals(expected));
        assertThat(fresh.stateCommitment()).isEqualTo(seed.stateCommitment());
        tip = more.getLast();
    }

    @Test
    @Order(5)
    void transfersFromPeersAreCheckedRecordedAsSeenAndMempoolAcceptedOnesAreRelayed() throws Exception {
        List<byte[]> heard = new CopyOnWriteArrayList<>();
        try (RawPeer peer = new RawPeer(); KafkaConsumer<byte[], byte[]> txTopic = consumer("p2p-sync-it-tx")) {
            peer.recordTransactions(heard);
            peer.dial(seed);
            peer.dial(fresh);
            txTopic.subscribe(List.of(Topics.TX));

            // a transfer from a peer: checked (signatures, then the tip's state: its fee rate is over the relay
            // minimum), forwarded, and recorded by the publishing node as seen from that peer
            TransferTx fromPeer = builder.transfer(1, TestKeys.address(7), 1_000, 10_000, 1);
            await().atMost(PATIENCE).until(() -> peer.publishTransaction(TransactionCodec.encode(fromPeer)).peers() > 0
                    || !seen(txTopic, fromPeer).isEmpty());
            await().atMost(PATIENCE).until(() -> !seen(txTopic, fromPeer).isEmpty());

            // one with a broken signature is rejected and costs the sender
            TransferTx honest = builder.transfer(1, TestKeys.address(7), 2_000, 10_000, 2);
            byte[] signature = honest.signatures().getFirst().signature().bytes().toArray();
            signature[5] ^= 1;
            TransferTx forged = honest.withSignatures(List.of(new TxSignature(0, new MlDsaSignature(Bytes.of(signature)))));
            peer.publishTransaction(TransactionCodec.encode(forged));
            await().atMost(PATIENCE).until(() -> penalties(seed, "INVALID_TRANSACTION") + penalties(fresh, "INVALID_TRANSACTION") >= 1);

            // mempool Accepted events on Kafka: the fresh node relays the transfer to the txs topic once its own
            // rules pass it; one with a broken signature (first, in the same partition: the sender is the key) is not
            TransferTx accepted = builder.transfer(1, TestKeys.address(8), 3_000, 10_000, 3);
            byte[] brokenSignature = accepted.signatures().getFirst().signature().bytes().toArray();
            brokenSignature[9] ^= 1;
            TransferTx acceptedForged = accepted.withSignatures(List.of(new TxSignature(0, new MlDsaSignature(Bytes.of(brokenSignature)))));
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
                for (TransferTx tx : List.of(acceptedForged, accepted)) {
                    MempoolEvent.Accepted event = MempoolEvent.Accepted.of(new EventMeta(builder.params().chainId(), 1, 0), tx, 10, 1_000);
                    producer.send(new ProducerRecord<>(Topics.MEMPOOL, EventCodecs.key(event), EventCodecs.encode(event))).get();
                }
            }
            byte[] expected = TransactionCodec.encode(accepted);
            await().atMost(PATIENCE).until(() -> heard.stream().anyMatch(bytes -> Arrays.equals(bytes, expected)));
            byte[] forgedBytes = TransactionCodec.encode(acceptedForged);
            assertThat(heard).noneMatch(bytes -> Arrays.equals(bytes, forgedBytes));
            TransactionRelay seedRelay = seed.context.getBean(TransactionRelay.class);
            await().atMost(PATIENCE).until(() -> seedRelay.alreadyHeard(TransactionCodec.txid(accepted)));

            // the block carrying the three transfers: each node verifies only the one it never heard valid
            // (honest, of which only the forged copy went round); the other two had passed alone before
            Block block = builder.child(tip).transfers(fromPeer, honest, accepted).build();
            long seedPassed = seed.chain.transfersPassedBefore();
            long seedVerified = seed.chain.transfersVerified();
            long freshPassed = fresh.chain.transfersPassedBefore();
            long freshVerified = fresh.chain.transfersVerified();
            assertThat(seed.submit(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
            Hash256 id = BlockHeaderCodec.id(block.header());
            await().atMost(PATIENCE).until(() -> fresh.tip().equals(id));
            tip = block;
            assertThat(seed.chain.transfersPassedBefore() - seedPassed).isEqualTo(2);
            assertThat(seed.chain.transfersVerified() - seedVerified).isEqualTo(1);
            assertThat(fresh.chain.transfersPassedBefore() - freshPassed).isEqualTo(2);
            assertThat(fresh.chain.transfersVerified() - freshVerified).isEqualTo(1);
        }
    }

    KafkaConsumer<byte[], byte[]> consumer(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    final List<TransactionSeen> seenEvents = new CopyOnWriteArrayList<>();

    List<TransactionSeen> seen(KafkaConsumer<byte[], byte[]> consumer, TransferTx tx) throws Exception {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            seenEvents.add(TransactionSeenCodec.decode(record.value()));
        }
        List<TransactionSeen> matching = seenEvents.stream().filter(event -> event.tx().equals(tx)).toList();
        matching.forEach(event -> {
            assertThat(event.source()).isEqualTo(TransactionSeen.Source.PEER);
            assertThat(event.peerId()).isPresent();
        });
        return matching;
    }

    static double penalties(TestNode node, String reason) {
        Counter counter = node.context.getBean(MeterRegistry.class).find("numi.p2p.penalties").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A sync counter ({@code numi.p2p.sync.*}) of {@code node}. */
    static double syncCounter(TestNode node, String name) {
        return node.context.getBean(MeterRegistry.class).get(name).functionCounter().count();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
