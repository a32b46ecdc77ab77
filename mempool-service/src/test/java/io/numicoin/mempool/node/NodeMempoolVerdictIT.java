package io.numicoin.mempool.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.mempool.MempoolApplication;
import io.numicoin.node.testing.RealNode;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The client learns the mempool's verdict through the node (issue 11 §1): a real node whose
 * {@code numi.api.mempool-url} is a real mempool (both in this JVM, each on its own PostgreSQL
 * database, one embedded Kafka broker between them). A refusal only the mempool can give (a
 * replacement that does not pay the bump) reaches the client of {@code POST /api/v1/transactions}
 * with the mempool's status, rule, type and title.
 */
class NodeMempoolVerdictIT {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();
    private static TestDatabase mempoolDb;
    private static EmbeddedKafka kafka;
    private static RealNode node;
    private static ConfigurableApplicationContext mempool;
    private static WebTestClient nodeClient;  // the node's API
    private static WebTestClient mempoolClient;

    @BeforeAll
    static void start() throws Exception {
        mempoolDb = TestPostgres.shared().createDatabase("verdict_mempool");
        kafka = EmbeddedKafka.launch();
        int mempoolPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            mempoolPort = socket.getLocalPort();
        }
        node = RealNode.start(kafka, "verdict_node", "--numi.api.mempool-url=http://127.0.0.1:" + mempoolPort);
        String nodeUrl = node.baseUrl();
        nodeClient = node.client();
        mempool = new SpringApplicationBuilder(MempoolApplication.class).run(
                "--spring.datasource.url=" + mempoolDb.jdbcUrl(),
                "--spring.datasource.username=" + mempoolDb.user(),
                "--spring.datasource.password=" + mempoolDb.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--server.port=" + mempoolPort,
                "--management.server.port=-1",
                "--numi.network=regtest",
                "--numi.node.base-url=" + nodeUrl);
        mempoolClient = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + mempoolPort)
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    @AfterAll
    static void stop() {
        if (mempool != null) {
            mempool.close();
        }
        if (node != null) {
            node.close();
        }
        kafka.close();
        mempoolDb.close();
    }

    @Test
    void aRefusalOnlyTheMempoolCanGiveReachesTheNodesClientWithTheMempoolsRuleTypeAndTitle() {
        List<Block> funded = CHAIN.extend(CHAIN.genesis(), ProtocolLimits.COINBASE_MATURITY + 1, 1);
        for (Block block : funded) {
            node.submit(block);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> mempoolTipHeight() == funded.getLast().height());

        TransferTx first = CHAIN.transfer(1, TestKeys.address(2), 1_000, 20_000, 1);
        nodeClient.post().uri("/api/v1/transactions").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(TransactionCodec.encode(first)).exchange().expectStatus().isAccepted();
        // the same nonce again, paying no more: the node's tip checks pass, the mempool refuses the replacement
        TransferTx underpaid = CHAIN.transfer(1, TestKeys.address(3), 1_000, 20_000, 1);
        Map<?, ?> direct = mempoolClient.post().uri("/api/v1/mempool/transactions").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(TransactionCodec.encode(underpaid)).exchange().expectStatus().isEqualTo(422)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(direct.get("rule")).isEqualTo("REPLACEMENT_UNDERPAID");

        Map<?, ?> viaNode = nodeClient.post().uri("/api/v1/transactions").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(TransactionCodec.encode(underpaid)).exchange().expectStatus().isEqualTo(422)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(viaNode.get("rule")).isEqualTo("REPLACEMENT_UNDERPAID");
        assertThat(viaNode.get("type")).isEqualTo(direct.get("type"));
        assertThat(viaNode.get("title")).isEqualTo(direct.get("title"));
        assertThat(viaNode.get("outcome")).isEqualTo("INVALID");

        // nonce 2 spending what the account holds: enough for the node (the account alone), not with nonce 1 pending
        long balance = CHAIN.stateAfter(funded.getLast()).account(TestKeys.address(1)).balance().units();
        TransferTx overspend = CHAIN.transfer(1, TestKeys.address(2), balance - 20_000 - 500, 20_000, 2);
        Map<?, ?> pendingAware = nodeClient.post().uri("/api/v1/transactions").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(TransactionCodec.encode(overspend)).exchange().expectStatus().isEqualTo(422)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(pendingAware.get("rule")).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(pendingAware.get("title")).isEqualTo("Insufficient balance");
    }

    /**
     * A node that does not publish events and cannot reach its mempool answers 503 and relays
     * nothing: a 202 would promise a delivery that only gossip to the event source stood behind.
     */
    @Test
    void aNodeThatCannotReachItsMempoolAndPublishesNothingAnswers503() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (RealNode plain = RealNode.start(kafka, "verdict_plain", "--numi.events.publish=false",
                "--numi.api.mempool-url=http://127.0.0.1:" + closedPort)) {
            List<Block> funded = CHAIN.extend(CHAIN.genesis(), ProtocolLimits.COINBASE_MATURITY + 1, 1);
            for (Block block : funded) {
                plain.submit(block);
            }
            TransferTx transfer = CHAIN.transfer(1, TestKeys.address(4), 1_000, 20_000, 1);
            Map<?, ?> answer = plain.client().post().uri("/api/v1/transactions").contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .bodyValue(TransactionCodec.encode(transfer)).exchange().expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(answer.get("rule")).isEqualTo("UNAVAILABLE");
            assertThat(answer.get("backend")).isEqualTo("mempool");
            assertThat(answer.get("txid")).isEqualTo(TransactionCodec.txid(transfer).toHex());
            assertThat((String) answer.get("detail")).contains("offer the same transaction again");
        }
    }

    private static long mempoolTipHeight() {
        Map<?, ?> summary = mempoolClient.get().uri("/api/v1/mempool").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return summary.get("tipHeight") instanceof Number n ? n.longValue() : -1;
    }
}
