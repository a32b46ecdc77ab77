package io.numicoin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.node.testing.RealNode;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in front of the real services ({@link RealServices}: two real nodes, the real mempool
 * in its own JVM, real Redis and PostgreSQL): reads balanced over the nodes and a node behind the
 * tip left out, a signed transfer answered with the mempool's verdict and then mined, a refusal
 * only the mempool can give passed on as problem+json, the submission budget holding before the
 * mempool is reached, the nodes' mining and admin endpoints unreachable, submission falling back
 * to a node while the mempool is down, and a fast 503 with the nodes down. The tests run in order
 * on one chain.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayRealServicesIT {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();
    private static final int PAYER = 1;
    private static final String RECIPIENT = AddressFormat.encode(TestKeys.address(2), CHAIN.params().hrp());
    private static final long FEE = 20_000;

    private static RealServices stack;
    private static WebTestClient gateway;
    private static final List<Block> chain = new ArrayList<>();
    /** Transfers the mempool accepted, to be mined. */
    private static final List<TransferTx> pending = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stack = new RealServices();
        gateway = stack.withKey();
        chain.addAll(CHAIN.extend(CHAIN.genesis(), ProtocolLimits.COINBASE_MATURITY + 1, PAYER));
        RealServices.feed(stack.node1, chain);
        RealServices.feed(stack.node2, chain);
        stack.awaitMempoolAt(tip().height());
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    private static Block tip() {
        return chain.getLast();
    }

    private static List<Block> extend(int count) {
        List<Block> blocks = CHAIN.extend(tip(), count, PAYER);
        chain.addAll(blocks);
        return blocks;
    }

    private static Set<Long> heightsSeen(int reads) {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < reads; i++) {
            Map<?, ?> view = gateway.get().uri("/api/v1/chain").exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            seen.add(((Number) view.get("height")).longValue());
        }
        return seen;
    }

    private static TransferTx transfer(long amount, long fee, long nonce) {
        return CHAIN.transfer(PAYER, TestKeys.address(2), amount, fee, nonce);
    }

    private static WebTestClient.ResponseSpec submitHex(WebTestClient client, TransferTx tx) {
        return client.post().uri("/api/v1/transactions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("hex", Bytes.of(TransactionCodec.encode(tx)).toHex())).exchange();
    }

    private static String txid(TransferTx tx) {
        return TransactionCodec.txid(tx).toHex();
    }

    private static int mempoolDirectStatus(String txid) {
        return stack.mempoolDirect.get().uri("/api/v1/mempool/transactions/" + txid).exchange()
                .returnResult(String.class).getStatus().value();
    }

    @Test
    @Order(1)
    void readsAreBalancedOverTheNodesAndANodeBehindTheTipIsLeftOut() {
        long h = tip().height();
        // one block apart (within max-tip-lag 2): both nodes answer, each with its own height
        RealServices.feed(stack.node1, extend(1));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heightsSeen(6).equals(Set.of(h, h + 1)));
        gateway.get().uri("/api/v1/blocks/height/1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(BlockHeaderCodec.id(chain.getFirst().header()).toHex());

        // three blocks apart: the second node is out of rotation, every read is the first's
        RealServices.feed(stack.node1, extend(2));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heightsSeen(8).equals(Set.of(h + 3)));
        stack.gateway.management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.backends.details.node.instances.node-2.inRotation").isEqualTo(false)
                .jsonPath("$.components.backends.details.node.instances.node-2.height").isEqualTo((int) h)
                .jsonPath("$.components.backends.details.node.instances.node-1.inRotation").isEqualTo(true);

        // caught up and one ahead: back in rotation
        RealServices.feed(stack.node2, chain.subList((int) h, chain.size()));
        List<Block> next = extend(1);
        RealServices.feed(stack.node2, next);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heightsSeen(6).equals(Set.of(h + 3, h + 4)));
        RealServices.feed(stack.node1, next);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heightsSeen(4).equals(Set.of(h + 4)));

        // the payer's account as the nodes hold it
        long balance = CHAIN.stateAfter(tip()).account(TestKeys.address(PAYER)).balance().units();
        gateway.get().uri("/api/v1/accounts/" + AddressFormat.encode(TestKeys.address(PAYER), CHAIN.params().hrp()) + "?limit=1")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.balance.units").isEqualTo(balance).jsonPath("$.nonce").isEqualTo(0);
        stack.awaitMempoolAt(tip().height());
    }

    @Test
    @Order(2)
    void aSignedTransferGetsTheMempoolsVerdictAndARefusalOnlyTheMempoolGivesIsPassedOn() {
        TransferTx first = transfer(1_000, FEE, 1);
        submitHex(gateway, first).expectStatus().isAccepted()
                .expectBody().jsonPath("$.txid").isEqualTo(txid(first)).jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.outcome").isEqualTo("ADDED");
        pending.add(first);
        gateway.get().uri("/api/v1/mempool/transactions/" + txid(first)).exchange().expectStatus().isOk();

        // the same nonce paying no more: the node's checks pass it, the mempool refuses the replacement
        TransferTx underpaid = transfer(2_000, FEE, 1);
        gateway.post().uri("/api/v1/transactions").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(TransactionCodec.encode(underpaid)).exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("REPLACEMENT_UNDERPAID").jsonPath("$.outcome").isEqualTo("INVALID");
        assertThat(mempoolDirectStatus(txid(underpaid))).isEqualTo(404);
    }

    @Test
    @Order(3)
    void theSubmissionBudgetHoldsBeforeTheMempoolIsReached() {
        WebTestClient anonymous = stack.anonymous("203.0.113.7");
        for (long nonce = 2; nonce < 2 + RealServices.ANONYMOUS.expensiveBurst(); nonce++) {
            TransferTx tx = transfer(1_000, FEE, nonce);
            submitHex(anonymous, tx).expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");
            pending.add(tx);
        }
        TransferTx refused = transfer(1_000, FEE, 2 + (long) RealServices.ANONYMOUS.expensiveBurst());
        submitHex(anonymous, refused).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectBody().jsonPath("$.rule").isEqualTo("RATE_LIMITED");
        assertThat(mempoolDirectStatus(txid(refused))).as("the refused transfer never reached the mempool").isEqualTo(404);
        assertThat(mempoolDirectStatus(txid(pending.getLast()))).isEqualTo(200);
        // reads have a budget of their own
        anonymous.get().uri("/api/v1/chain").exchange().expectStatus().isOk();
    }

    @Test
    @Order(4)
    void acceptedTransfersAreMinedAndReadBackThroughTheGateway() {
        Block block = CHAIN.child(tip()).coinbaseTo(TestKeys.address(PAYER)).transfers(pending.toArray(TransferTx[]::new)).build();
        chain.add(block);
        stack.node1.submit(block);
        stack.node2.submit(block);
        String blockId = BlockHeaderCodec.id(block.header()).toHex();
        for (TransferTx tx : pending) {
            gateway.get().uri("/api/v1/transactions/" + txid(tx)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.blockId").isEqualTo(blockId).jsonPath("$.height").isEqualTo((int) block.height());
        }
        gateway.get().uri("/api/v1/accounts/" + RECIPIENT + "?limit=1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.balance.units").isEqualTo(1_000L * pending.size());
        // the mempool learns of the block from the node's events and lets them go
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                pending.stream().allMatch(tx -> gateway.get().uri("/api/v1/mempool/transactions/" + txid(tx)).exchange()
                        .returnResult(String.class).getStatus().value() == 404));
    }

    @Test
    @Order(5)
    void theNodesMiningAndAdminEndpointsAreUnreachable() {
        long height = RealServices.height(stack.node1);
        // a valid next block with the right mining token: the node would import it, the gateway does not pass it on
        Block valid = CHAIN.child(tip()).coinbaseTo(TestKeys.address(3)).build();
        gateway.post().uri("/api/v1/blocks").header("Authorization", "Bearer " + RealNode.MINING_TOKEN)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(BlockCodec.encode(valid)).exchange()
                .expectStatus().isEqualTo(405).expectBody().jsonPath("$.rule").isEqualTo("METHOD_NOT_ALLOWED");
        gateway.post().uri("/api/v1/blocks/proposal").header("Authorization", "Bearer " + RealNode.MINING_TOKEN)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(BlockCodec.encode(valid)).exchange()
                .expectStatus().isEqualTo(405);
        assertThat(RealServices.height(stack.node1)).isEqualTo(height);
        // the mempool serves templates and the node its peers, but not through the gateway
        stack.mempoolDirect.get().uri("/api/v1/template").exchange().expectStatus().isOk();
        stack.node1.client().get().uri("/api/v1/peers").exchange().expectStatus().isOk();
        gateway.get().uri("/api/v1/template").exchange().expectStatus().isNotFound();
        gateway.get().uri("/api/v1/peers").exchange().expectStatus().isNotFound();
        gateway.get().uri("/api/v1/stream").exchange().expectStatus().isNotFound();
        gateway.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
        gateway.post().uri("/api/v1/mempool/transactions").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[] {1}).exchange().expectStatus().isNotFound();
    }

    @Test
    @Order(6)
    void withTheMempoolStoppedSubmissionFallsBackToANode() throws Exception {
        stack.stopMempool();
        TransferTx next = transfer(1_000, FEE, pending.size() + 1);
        // the node checks it against its tip and relays it; it cannot ask the mempool, so its answer is SEEN
        submitHex(gateway, next).expectStatus().isAccepted()
                .expectBody().jsonPath("$.txid").isEqualTo(txid(next)).jsonPath("$.status").isEqualTo("SEEN");
        // the node's own refusal is passed on
        submitHex(gateway, transfer(1_000, FEE, 1)).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("NONCE_TOO_LOW");
        gateway.get().uri("/api/v1/mempool").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.backend").isEqualTo("mempool");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stack.gateway.management().get()
                .uri("/actuator/health/readiness").exchange().returnResult(String.class).getStatus().value() == 503);
    }

    @Test
    @Order(7)
    void withTheNodesStoppedReadsAndSubmissionsAreAFast503() {
        RealServices.stopApi(stack.node1);
        RealServices.stopApi(stack.node2);
        gateway.get().uri("/api/v1/chain").exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("UNAVAILABLE").jsonPath("$.backend").isEqualTo("node")
                .jsonPath("$.detail").isEqualTo("the node backend is unavailable; try again later");
        submitHex(gateway, transfer(1_000, FEE, pending.size() + 2)).expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("UNAVAILABLE");
    }
}
