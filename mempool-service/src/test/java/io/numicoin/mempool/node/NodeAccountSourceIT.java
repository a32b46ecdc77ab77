package io.numicoin.mempool.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.numicoin.mempool.pool.AccountState;
import io.numicoin.mempool.pool.AccountUnavailableException;
import io.numicoin.node.testing.RealNode;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.state.InMemoryAccountState;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.support.node.NodeApiClient;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@link NodeAccountSource} against a real node ({@code NodeApplication} on its own PostgreSQL
 * database and an embedded Kafka broker): balance and nonce after the tip, the per-tip cache, an
 * unreachable node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeAccountSourceIT {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();

    private static EmbeddedKafka kafka;
    private static RealNode node;
    private static String baseUrl;

    @BeforeAll
    static void startNode() throws Exception {
        kafka = EmbeddedKafka.launch();
        node = RealNode.start(kafka, "mempoolnode");
        baseUrl = node.baseUrl();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
        kafka.close();
    }

    private static void submit(Block block) {
        node.submit(block).jsonPath("$.outcome").isEqualTo("CONNECTED");
    }

    /** The last block the first test connected. */
    private static Block lastSubmitted;

    @Test
    @Order(1)
    void readsBalanceAndNonceAfterTheTipAndCachesPerTip() {
        List<Block> funded = CHAIN.extend(CHAIN.genesis(), ProtocolLimits.COINBASE_MATURITY + 1, 1);
        funded.forEach(NodeAccountSourceIT::submit);
        NodeAccountSource source = new NodeAccountSource(new NodeApiClient(URI.create(baseUrl), Duration.ofSeconds(5)),
                CHAIN.params().hrp(), 1000);

        InMemoryAccountState expected = CHAIN.stateAfter(funded.getLast());
        AccountState funds = source.account(TestKeys.address(1));
        assertThat(funds.balance()).isEqualTo(expected.account(TestKeys.address(1)).balance());
        assertThat(funds.balance().units()).isPositive();
        assertThat(funds.nonce()).isZero();
        assertThat(source.account(TestKeys.address(77))).isEqualTo(AccountState.EMPTY);

        TransferTx spend = CHAIN.transfer(1, TestKeys.address(2), 1_000_000, 20_000, 1);
        Block next = CHAIN.child(funded.getLast()).coinbaseTo(TestKeys.address(3)).transfers(spend).build();
        submit(next);
        lastSubmitted = next;
        assertThat(source.account(TestKeys.address(1))).as("cached until the tip changes").isEqualTo(funds);
        source.tipChanged();
        AccountState after = source.account(TestKeys.address(1));
        assertThat(after.nonce()).isEqualTo(1);
        assertThat(after.balance()).isEqualTo(CHAIN.stateAfter(next).account(TestKeys.address(1)).balance());
        assertThat(source.account(TestKeys.address(2)).balance().units()).isEqualTo(1_000_000);
        assertThat(source.chain().height()).isEqualTo(next.height());
    }

    @Test
    @Order(2)
    void anAnswerThatArrivesAfterATipChangeIsNotCached() throws Exception {
        Block tip = lastSubmitted;  // the first test's chain: key 1 is funded and has sent nonce 1
        Address sender = TestKeys.address(1);
        try (PausableProxy proxy = new PausableProxy(Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1)))) {
            NodeAccountSource source = new NodeAccountSource(
                    new NodeApiClient(URI.create("http://127.0.0.1:" + proxy.port()), Duration.ofSeconds(30)), CHAIN.params().hrp(), 1000);
            proxy.pause();
            CompletableFuture<AccountState> early = CompletableFuture.supplyAsync(() -> source.account(sender));
            await().atMost(Duration.ofSeconds(30)).until(() -> proxy.heldBytes() > 0);  // the node answered: nonce 1

            TransferTx spend = CHAIN.transfer(1, TestKeys.address(2), 1_000_000, 20_000, 2);
            submit(CHAIN.child(tip).coinbaseTo(TestKeys.address(3)).transfers(spend).build());
            source.tipChanged();  // the chain event of that block
            proxy.resume();

            assertThat(early.get(30, TimeUnit.SECONDS).nonce()).as("asked before the tip changed").isEqualTo(1);
            assertThat(source.account(sender).nonce()).as("read again after the tip changed").isEqualTo(2);
        }
    }

    @Test
    @Order(3)
    void anUnreachableNodeIsReportedNotGuessed() {
        NodeAccountSource source = new NodeAccountSource(new NodeApiClient(URI.create("http://127.0.0.1:1"), Duration.ofMillis(500)),
                CHAIN.params().hrp(), 10);
        assertThatThrownBy(() -> source.account(TestKeys.address(1))).isInstanceOf(AccountUnavailableException.class)
                .hasMessageContaining("unreachable");
    }
}
