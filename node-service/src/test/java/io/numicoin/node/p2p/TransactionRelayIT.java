package io.numicoin.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.events.Topics;
import io.numicoin.events.TransactionSeen;
import io.numicoin.events.codec.TransactionSeenCodec;
import io.numicoin.node.p2p.peers.BanList;
import io.numicoin.node.p2p.peers.PeerScores;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 11 §1 and §2: a transfer posted to a node that is not the event source reaches
 * {@code numi.tx.v1} through transaction gossip, exactly once however often and wherever it is
 * heard (API twice, API and gossip); gossip relays only transfers valid against the tip, and a peer
 * gossiping one that is not (unfunded) is ignored, not penalised. Two whole nodes (own database and
 * context each, one Kafka broker, only {@code source} publishing) and a bare libp2p peer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionRelayIT {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final long FEE = 10_000;

    final EmbeddedKafka kafka = EmbeddedKafka.launch();
    final ChainBuilder builder = ChainBuilder.regtest();
    final HttpClient http = HttpClient.newHttpClient();
    TestNode source;
    TestNode plain;

    @BeforeAll
    void twoNodesAndAFundedSender() {
        source = TestNode.start("relay0", kafka, true, List.of());
        plain = TestNode.start("relay1", kafka, false, List.of(source.address()));
        Block tip = builder.genesis();
        for (Block block : builder.extend(tip, 101, 5)) {
            source.submit(block);
            tip = block;
        }
        Hash256 expected = BlockHeaderCodec.id(tip.header());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> plain.tip().equals(expected));
        await().atMost(PATIENCE).until(() -> plain.peers().contains(source.peerId()));
    }

    @AfterAll
    void stop() {
        for (TestNode node : new TestNode[] {plain, source}) {
            if (node != null) {
                node.close();
            }
        }
        kafka.close();
    }

    @Test
    void aTransferPostedToThePlainNodeIsPublishedOnceByTheSource() throws Exception {
        TransferTx tx = builder.transfer(5, TestKeys.address(6), 1_000, FEE, 1);
        assertThat(post(plain, tx).statusCode()).isEqualTo(202);
        List<TransactionSeen> first = readUntil(List.of(tx), tx, "relay-first");
        assertThat(first).singleElement().satisfies(event -> assertThat(event.source()).isEqualTo(TransactionSeen.Source.PEER));

        // heard again: from the plain node's API twice more, from the source's own API, re-signed (same txid)
        assertThat(post(plain, tx).statusCode()).isEqualTo(202);
        assertThat(post(source, tx).statusCode()).isEqualTo(202);
        TransferTx resigned = builder.transfer(5, TestKeys.address(6), 1_000, FEE, 1);
        assertThat(post(plain, resigned).statusCode()).isEqualTo(202);
        TransferTx marker = builder.transfer(5, TestKeys.address(6), 1_001, FEE, 2);
        assertThat(post(plain, marker).statusCode()).isEqualTo(202);

        List<TransactionSeen> all = readUntil(List.of(tx, marker), marker, "relay-all");
        assertThat(all).extracting(TransactionSeen::txid).containsExactly(TransactionCodec.txid(tx), TransactionCodec.txid(marker));
    }

    @Test
    void gossipRelaysOnlyTransfersValidAgainstTheTipAndDoesNotPenaliseTheOthers() {
        try (RawPeer peer = new RawPeer()) {
            peer.dial(source);
            await().atMost(PATIENCE).until(() -> source.peers().contains(peer.peerId()));
            // unfunded transfers (each its own bytes: a repeat would be a gossip duplicate) until the source hears them
            List<TransferTx> unfunded = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                unfunded.add(builder.transfer(7, TestKeys.address(6), 1_000, FEE, unfunded.size() + 1));
                return peer.publishTransaction(TransactionCodec.encode(unfunded.getLast())).peers() > 0;
            });
            TransferTx tooCheap = builder.transfer(5, TestKeys.address(6), 1_000, 10, 3);
            TransferTx valid = builder.transfer(5, TestKeys.address(6), 1_002, FEE, 3);
            peer.publishTransaction(TransactionCodec.encode(tooCheap));
            peer.publishTransaction(TransactionCodec.encode(valid));

            List<TransferTx> wanted = new ArrayList<>(unfunded);
            wanted.addAll(List.of(tooCheap, valid));
            List<TransactionSeen> seen = readUntil(wanted, valid, "relay-gossip");
            assertThat(seen).extracting(TransactionSeen::txid).containsExactly(TransactionCodec.txid(valid));
            assertThat(seen.getFirst().peerId()).contains(peer.peerId().toBase58());
            assertThat(source.context.getBean(BanList.class).isBanned(peer.peerId())).isFalse();
            assertThat(source.context.getBean(PeerScores.class).score(peer.peerId())).isZero();
            assertThat(source.peers()).contains(peer.peerId());
        }
    }

    private HttpResponse<String> post(TestNode node, TransferTx tx) throws IOException, InterruptedException {
        String port = node.context.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/transactions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hex\":\"" + HexFormat.of().formatHex(TransactionCodec.encode(tx)) + "\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return response;
    }

    /** The {@code numi.tx.v1} events of {@code wanted} (by txid) from the start up to {@code last}'s, in topic order. */
    private List<TransactionSeen> readUntil(List<TransferTx> wanted, TransferTx last, String group) {
        List<Hash256> txids = wanted.stream().map(TransactionCodec::txid).toList();
        Hash256 lastId = TransactionCodec.txid(last);
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<TransactionSeen> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TX));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TransactionSeen event = TransactionSeenCodec.decode(record.value());
                    if (txids.contains(event.txid())) {
                        seen.add(event);
                    }
                }
                return seen.stream().anyMatch(event -> event.txid().equals(lastId));
            });
        }
        return seen;
    }
}
