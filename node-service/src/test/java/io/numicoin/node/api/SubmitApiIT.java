package io.numicoin.node.api;

import static io.numicoin.node.api.ApiClient.assertProblem;
import static io.numicoin.node.api.ApiClient.hex;
import static io.numicoin.node.api.ApiClient.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.events.Topics;
import io.numicoin.events.TransactionSeen;
import io.numicoin.events.codec.TransactionSeenCodec;
import io.numicoin.node.api.dto.BlockAccepted;
import io.numicoin.node.api.dto.ChainView;
import io.numicoin.node.api.dto.TxAccepted;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaSignature;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.crypto.TxSignature;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import io.numicoin.node.chain.ChainService;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.protocol.chain.BlockImportResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

/**
 * The write endpoints against a real node (PostgreSQL, outbox relay to a real Kafka broker): signed
 * transactions and mined blocks, good and bad, and the live stream delivering what was posted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmitApiIT {

    /** Fee of this class's transfers: over the minimum relay fee rate (1,000 units per 1,000 bytes) for ~5.4 KB. */
    static final long FEE = 10_000;

    static final TestNodeInfra INFRA = TestNodeInfra.start("api_submit");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.register(registry);
    }

    @AfterAll
    static void closeInfrastructure() {
        INFRA.close();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ChainService chain;

    @Autowired
    NodeChainService nodeChain;

    final ChainBuilder builder = ChainBuilder.regtest();
    /** The active tip as this class built it; every test that connects blocks builds on it. */
    Block tip = builder.genesis();

    /**
     * Key 5 (the sender of this class's transfers) is paid one mature coinbase (101 blocks mined to
     * it); key 8 is paid one too and has spent nonce 1.
     */
    @BeforeAll
    void fundSenders() {
        connect(builder.child(tip).coinbaseTo(TestKeys.address(8)).build());
        builder.extend(tip, 101, 5).forEach(this::connect);
        connect(builder.child(tip).coinbaseTo(TestKeys.address(5)).transfers(builder.transfer(8, TestKeys.address(6), 1_000, FEE, 1))
                .build());
    }

    private void connect(Block block) {
        assertThat(chain.submitBlock(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        tip = block;
    }

    @Test
    void aSignedTransferIsAcceptedAndPublishedAsSeen() {
        TransferTx tx = builder.transfer(5, TestKeys.address(6), 1_234, FEE, 1);
        TxAccepted json = postTx(MediaType.APPLICATION_JSON, Map.of("hex", hex(TransactionCodec.encode(tx))))
                .expectStatus().isAccepted().expectBody(TxAccepted.class).returnResult().getResponseBody();
        assertThat(json).isEqualTo(TxAccepted.seen(TransactionCodec.txid(tx).toHex()));

        TransferTx second = builder.transfer(5, TestKeys.address(6), 1_234, FEE, 2);
        TxAccepted raw = postTx(MediaType.APPLICATION_OCTET_STREAM, TransactionCodec.encode(second))
                .expectStatus().isAccepted().expectBody(TxAccepted.class).returnResult().getResponseBody();
        assertThat(raw.txid()).isEqualTo(TransactionCodec.txid(second).toHex());

        List<TransactionSeen> seen = readTxTopic(List.of(tx, second));
        assertThat(seen).extracting(TransactionSeen::tx).containsExactly(tx, second);
        assertThat(seen).allSatisfy(event -> {
            assertThat(event.source()).isEqualTo(TransactionSeen.Source.API);
            assertThat(event.meta().chainId()).isEqualTo(builder.params().chainId());
        });
        assertThat(seen.get(1).meta().sequence()).isGreaterThan(seen.get(0).meta().sequence());
    }

    @Test
    void aTransferAcceptedThroughTheApiIsNotVerifiedAgainInTheBlockThatCarriesIt() {
        TransferTx heard = builder.transfer(8, TestKeys.address(6), 4_321, FEE, 2);
        TransferTx unheard = builder.transfer(8, TestKeys.address(6), 4_322, FEE, 3);
        postTx(MediaType.APPLICATION_OCTET_STREAM, TransactionCodec.encode(heard)).expectStatus().isAccepted();
        long passedBefore = nodeChain.transfersPassedBefore();
        long verified = nodeChain.transfersVerified();

        connect(builder.child(tip).transfers(heard, unheard).build());
        assertThat(nodeChain.transfersPassedBefore() - passedBefore).isEqualTo(1);
        assertThat(nodeChain.transfersVerified() - verified).isEqualTo(1);  // only the one the API never checked
    }

    @Test
    void malformedTransactionsNameTheDecodingRule() {
        byte[] good = TransactionCodec.encode(builder.transfer(5, TestKeys.address(6), 1, 1, 1));
        assertProblem(postTx(MediaType.APPLICATION_JSON, Map.of("hex", "xyz1")), 400, "MALFORMED_HEX");
        assertProblem(postTx(MediaType.APPLICATION_JSON, Map.of("hex", "abc")), 400, "MALFORMED_HEX");
        assertProblem(postTx(MediaType.APPLICATION_JSON, "{\"hex\": 12"), 400, "MALFORMED_JSON");
        assertProblem(postTx(MediaType.APPLICATION_JSON, Map.of("bytes", "00")), 400, "MALFORMED_JSON");
        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM, Arrays.copyOf(good, good.length - 10)), 400, "DECODE_TRUNCATED");
        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM, Arrays.copyOf(good, good.length + 1)), 400, "DECODE_TRAILING_BYTES");
        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM, new byte[] {9}), 400, "DECODE_OUT_OF_RANGE");
        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM, new byte[0]), 400, "DECODE_TRUNCATED");
        assertProblem(postTx(MediaType.TEXT_PLAIN, hex(good)), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void transactionsBreakingAStatelessRuleAreRefusedNamingTheRule() {
        TransferTx honest = builder.transfer(5, TestKeys.address(6), 1_000, 100, 1);
        byte[] signature = honest.signatures().getFirst().signature().bytes().toArray();
        signature[7] ^= 1;
        TransferTx forged = honest.withSignatures(List.of(new TxSignature(0, new MlDsaSignature(Bytes.of(signature)))));
        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM, TransactionCodec.encode(forged)), 422, "BAD_SIGNATURE");

        TransferTx mainnet = new ChainBuilder(NetworkParams.mainnet()).transfer(5, TestKeys.address(6), 1_000, 100, 1);
        Map<String, Object> wrongChain = assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM, TransactionCodec.encode(mainnet)),
                422, "WRONG_CHAIN_ID");
        assertThat(wrongChain.get("detail").toString()).contains("0x4e554d49");

        TransferTx otherSender = new TransferTx(honest.chainId(), TestKeys.address(7), 1, honest.recipient(), honest.amount(),
                honest.fee(), 0, Bytes.EMPTY, honest.policy(), honest.signatures());
        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM, TransactionCodec.encode(otherSender)), 422, "SENDER_POLICY_MISMATCH");

        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM, TransactionCodec.encode(honest.withSignatures(List.of()))),
                422, "WRONG_SIGNATURE_COUNT");

        CoinbaseTx coinbase = new CoinbaseTx(honest.chainId(), 1, TestKeys.address(5), Amount.ofUnits(1), Bytes.EMPTY);
        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM, TransactionCodec.encode(coinbase)), 422, "COINBASE_NOT_ALLOWED");
    }

    @Test
    void oversizedTransactionBodiesAre413ProblemsWhateverTheEncoding() {
        assertProblem(postTx(MediaType.APPLICATION_JSON, Map.of("hex", "00".repeat(70_000))), 413, "TOO_LARGE");
        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM, new byte[70_000]), 413, "TOO_LARGE");
        // under the body cap, over the transaction limit: the decoder refuses it
        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM, new byte[66_000]), 413, "TOO_LARGE");
        assertProblem(postBlock(MediaType.APPLICATION_OCTET_STREAM, new byte[3 * 1024 * 1024]), 413, "TOO_LARGE");
    }

    @Test
    void blocksConnectOrphanAndBranchAndThePostedTipIsVisible() {
        ApiClient api = new ApiClient(web);
        Block first = builder.child(tip).coinbaseTo(TestKeys.address(5)).build();
        Block second = builder.child(first).coinbaseTo(TestKeys.address(5)).build();
        Block third = builder.child(second).coinbaseTo(TestKeys.address(5)).build();

        assertThat(api.postBlock(second).outcome()).isEqualTo("ORPHANED");
        BlockAccepted adopted = api.postBlock(first);
        assertThat(adopted.outcome()).isEqualTo("CONNECTED");
        assertThat(adopted.id()).isEqualTo(id(first));
        assertThat(adopted.height()).isEqualTo(first.height());
        assertThat(adopted.reorgDepth()).isZero();
        assertThat(adopted.changes()).containsExactly(
                new BlockAccepted.ChainChangeView("CONNECTED", id(first), first.height()),
                new BlockAccepted.ChainChangeView("CONNECTED", id(second), second.height()));
        assertThat(api.postBlock(first).outcome()).isEqualTo("ALREADY_KNOWN");

        BlockAccepted asJson = postBlock(MediaType.APPLICATION_JSON, Map.of("hex", hex(BlockCodec.encode(third))))
                .expectStatus().isOk().expectBody(BlockAccepted.class).returnResult().getResponseBody();
        assertThat(asJson.outcome()).isEqualTo("CONNECTED");
        tip = third;

        Block sibling = builder.child(second).coinbaseTo(TestKeys.address(8)).coinbaseMemo("sibling").build();
        assertThat(api.postBlock(sibling).outcome()).isEqualTo("SIDE_BRANCH");

        ChainView chain = web.get().uri("/api/v1/chain").exchange().expectStatus().isOk()
                .expectBody(ChainView.class).returnResult().getResponseBody();
        assertThat(chain.tipId()).isEqualTo(id(third));
        assertThat(chain.height()).isEqualTo(third.height());
        web.get().uri("/api/v1/blocks/height/" + third.height()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(id(third));
    }

    @Test
    void aLongerBranchReorganisesTheChainAndTheAnswerSaysHowDeep() {
        ApiClient api = new ApiClient(web);
        Block base = tip;
        Block replaced = builder.child(base).coinbaseTo(TestKeys.address(5)).coinbaseMemo("replaced").build();
        assertThat(api.postBlock(replaced).outcome()).isEqualTo("CONNECTED");
        Block fork = builder.child(base).coinbaseTo(TestKeys.address(6)).coinbaseMemo("fork").build();
        Block forkTip = builder.child(fork).coinbaseTo(TestKeys.address(6)).build();
        assertThat(api.postBlock(fork).outcome()).isEqualTo("SIDE_BRANCH");

        BlockAccepted reorg = api.postBlock(forkTip);
        tip = forkTip;
        assertThat(reorg.outcome()).isEqualTo("CONNECTED");
        assertThat(reorg.reorgDepth()).isEqualTo(1);
        assertThat(reorg.changes()).containsExactly(
                new BlockAccepted.ChainChangeView("DISCONNECTED", id(replaced), replaced.height()),
                new BlockAccepted.ChainChangeView("CONNECTED", id(fork), fork.height()),
                new BlockAccepted.ChainChangeView("CONNECTED", id(forkTip), forkTip.height()));
        web.get().uri("/api/v1/blocks/" + id(replaced)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.mainChain").isEqualTo(false).jsonPath("$.confirmations").isEqualTo(0);
        web.get().uri("/api/v1/chain").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.tipId").isEqualTo(id(forkTip));
    }

    @Test
    void invalidBlocksAre422ProblemsNamingTheRejectReason() {
        Block noWork = builder.child(tip).coinbaseMemo("no work").withoutProofOfWork().build();
        Map<String, Object> problem = assertProblem(postBlock(MediaType.APPLICATION_OCTET_STREAM, BlockCodec.encode(noWork)),
                422, "INSUFFICIENT_PROOF_OF_WORK");
        assertThat(problem).containsEntry("blockId", id(noWork)).containsEntry("txIndex", -1);

        Block greedy = builder.child(tip).coinbaseMemo("greedy").coinbaseOverpaying(1).build();
        assertProblem(postBlock(MediaType.APPLICATION_OCTET_STREAM, BlockCodec.encode(greedy)), 422, "COINBASE_AMOUNT_TOO_HIGH");

        assertProblem(postBlock(MediaType.APPLICATION_JSON, Map.of("hex", "00")), 400, "DECODE_TRUNCATED");
        assertProblem(postBlock(MediaType.APPLICATION_JSON, Map.of("hex", "0g")), 400, "MALFORMED_HEX");
    }

    @Test
    void theLiveStreamDeliversAPostedBlockAndTransaction() {
        List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        Disposable subscription = web.get().uri("/api/v1/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .getResponseBody()
                .subscribe(received::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(e -> "connected".equals(e.comment())));
            Block block = builder.child(tip).coinbaseTo(TestKeys.address(9)).coinbaseMemo("streamed").build();
            assertThat(new ApiClient(web).postBlock(block).outcome()).isEqualTo("CONNECTED");
            tip = block;
            TransferTx tx = builder.transfer(5, TestKeys.address(9), 10, FEE, 3);
            postTx(MediaType.APPLICATION_OCTET_STREAM, TransactionCodec.encode(tx)).expectStatus().isAccepted();

            String txid = TransactionCodec.txid(tx).toHex();
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(e -> "tx-seen".equals(e.event())));
            List<ServerSentEvent<String>> events = received.stream().filter(e -> e.event() != null).toList();
            assertThat(events).anySatisfy(e -> {
                assertThat(e.event()).isEqualTo("block-connected");
                assertThat(e.data()).contains("\"id\":\"" + id(block) + "\"").contains("\"type\":\"block-connected\"")
                        .contains("\"height\":" + block.height());
                assertThat(Long.parseLong(e.id())).isPositive();
            });
            assertThat(events).anySatisfy(e -> {
                assertThat(e.event()).isEqualTo("tx-seen");
                assertThat(e.data()).contains("\"id\":\"" + txid + "\"");
            });
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void identicalSubmissionsArePublishedOnce() {
        TransferTx tx = builder.transfer(5, TestKeys.address(6), 777, FEE, 4);
        TransferTx resigned = builder.transfer(5, TestKeys.address(6), 777, FEE, 4);
        TransferTx marker = builder.transfer(5, TestKeys.address(6), 778, FEE, 5);
        postTx(MediaType.APPLICATION_OCTET_STREAM, TransactionCodec.encode(tx)).expectStatus().isAccepted();
        postTx(MediaType.APPLICATION_OCTET_STREAM, TransactionCodec.encode(tx)).expectStatus().isAccepted();
        postTx(MediaType.APPLICATION_JSON, Map.of("hex", hex(TransactionCodec.encode(tx)))).expectStatus().isAccepted();
        // the same transfer signed again: other bytes (ML-DSA signing is randomised), the same txid
        postTx(MediaType.APPLICATION_OCTET_STREAM, TransactionCodec.encode(resigned)).expectStatus().isAccepted();
        postTx(MediaType.APPLICATION_OCTET_STREAM, TransactionCodec.encode(marker)).expectStatus().isAccepted();

        List<TransactionSeen> seen = readTxTopicUntil(marker, List.of(tx, resigned, marker), "submit-api-it-dedupe");
        assertThat(seen).extracting(TransactionSeen::txid)
                .containsExactly(TransactionCodec.txid(tx), TransactionCodec.txid(marker));
    }

    @Test
    void transfersThatCannotBeMinedOnTheTipAreRefusedNamingTheMempoolsRule() {
        Map<String, Object> broke = assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM,
                TransactionCodec.encode(builder.transfer(7, TestKeys.address(6), 1, FEE, 1))), 422, "INSUFFICIENT_BALANCE");
        assertThat(broke).containsEntry("outcome", "INVALID").containsEntry("title", "Insufficient balance");
        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM,
                TransactionCodec.encode(builder.transfer(5, TestKeys.address(6), Amount.parseNumi("1000000").units(), FEE, 1))),
                422, "INSUFFICIENT_BALANCE");
        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM,
                TransactionCodec.encode(builder.transfer(8, TestKeys.address(6), 1, FEE, 1))), 422, "NONCE_TOO_LOW");
        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM,
                TransactionCodec.encode(builder.transfer(5, TestKeys.address(6), 1, FEE, 18))), 422, "NONCE_TOO_HIGH");
        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM,
                TransactionCodec.encode(builder.transfer(5, TestKeys.address(6), 1, 100, 1))), 422, "FEE_RATE_TOO_LOW");
        assertProblem(postTx(MediaType.APPLICATION_OCTET_STREAM,
                TransactionCodec.encode(builder.transfer(5, TestKeys.address(6), 1, FEE, 1, 50))), 422, "EXPIRED");
    }

    private WebTestClient.ResponseSpec postTx(MediaType type, Object body) {
        return web.post().uri("/api/v1/transactions").contentType(type).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec postBlock(MediaType type, Object body) {
        return web.post().uri("/api/v1/blocks").header("Authorization", TestNodeInfra.MINING_AUTHORIZATION).contentType(type).bodyValue(body).exchange();
    }

    /** The events of {@code wanted} on numi.tx.v1 up to and including {@code last}'s, in topic order. */
    private static List<TransactionSeen> readTxTopicUntil(TransferTx last, List<TransferTx> wanted, String group) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<TransactionSeen> seen = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TX));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TransactionSeen event = TransactionSeenCodec.decode(record.value());
                    if (wanted.stream().anyMatch(tx -> TransactionCodec.txid(tx).equals(event.txid()))) {
                        seen.add(event);
                    }
                }
                return seen.stream().anyMatch(event -> event.txid().equals(TransactionCodec.txid(last)));
            });
        }
        return seen;
    }

    /** The events of {@code wanted} on numi.tx.v1, in topic order (other tests' events are skipped). */
    private static List<TransactionSeen> readTxTopic(List<TransferTx> wanted) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "submit-api-it");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<TransactionSeen> seen = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TX));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TransactionSeen event = TransactionSeenCodec.decode(record.value());
                    assertThat(record.key()).isEqualTo(event.sender().policyHash().toArray());
                    if (wanted.contains(event.tx())) {
                        seen.add(event);
                    }
                }
                return seen.size() >= wanted.size();
            });
        }
        return seen;
    }
}
