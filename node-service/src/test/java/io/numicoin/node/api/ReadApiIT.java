package io.numicoin.node.api;

import static io.numicoin.node.api.ApiClient.assertProblem;
import static io.numicoin.node.api.ApiClient.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.node.api.dto.AccountView;
import io.numicoin.node.api.dto.BlockPage;
import io.numicoin.node.api.dto.BlockView;
import io.numicoin.node.api.dto.ChainView;
import io.numicoin.node.api.dto.HeadersView;
import io.numicoin.node.api.dto.PeerView;
import io.numicoin.node.api.dto.TransactionView;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.state.Account;
import io.numicoin.protocol.state.InMemoryAccountState;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every read endpoint against a real node: a 103-block regtest chain (101 coinbases to key 1, a
 * transfer from key 1 to key 2, a block for key 3) and a side branch, all posted through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiIT {

    static final TestNodeInfra INFRA = TestNodeInfra.start("api_read");

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
    JdbcClient jdbc;

    final ChainBuilder builder = ChainBuilder.regtest();
    final NetworkParams params = builder.params();
    final List<Block> chain = new ArrayList<>();
    TransferTx payment;
    Block side;

    @BeforeAll
    void postChain() {
        ApiClient api = new ApiClient(web);
        chain.add(builder.genesis());
        chain.addAll(builder.extend(builder.genesis(), 101, 1));
        payment = builder.transfer(1, TestKeys.address(2), 5 * 100_000_000L, 1_000, 1);
        chain.add(builder.child(chain.getLast()).coinbaseTo(TestKeys.address(3)).transfers(payment).build());
        Block parent = chain.getLast();
        chain.add(builder.child(parent).coinbaseTo(TestKeys.address(3)).coinbaseMemo("main").build());
        side = builder.child(parent).coinbaseTo(TestKeys.address(4)).coinbaseMemo("side").build();
        api.connectAll(chain.subList(1, chain.size()));
        assertThat(api.postBlock(side).outcome()).isEqualTo("SIDE_BRANCH");
    }

    @Test
    void chainNamesTheTipItsWorkAndTheNextTarget() {
        ChainView view = get("/api/v1/chain", ChainView.class);
        Block tip = chain.getLast();
        assertThat(view.network()).isEqualTo("regtest");
        assertThat(view.tipId()).isEqualTo(id(tip));
        assertThat(view.height()).isEqualTo(103);
        assertThat(view.cumulativeWork()).isEqualTo(tip.header().target().work().multiply(BigInteger.valueOf(104)).toString());
        assertThat(view.tipTimestamp()).isEqualTo(tip.header().timestamp());
        assertThat(view.tipTime()).isEqualTo(Instant.ofEpochSecond(tip.header().timestamp()).toString());
        assertThat(view.tipAgeSeconds()).isBetween(0L, Instant.now().getEpochSecond() - tip.header().timestamp() + 5);
        assertThat(view.nextTarget().bits()).isEqualTo(String.format("%08x", tip.header().target().bits()));
        assertThat(view.nextTarget().target()).isEqualTo(String.format("%064x", tip.header().target().toTarget()));
        assertThat(view.nextTarget().difficulty()).isEqualTo(1.0);
        assertThat(view.syncState()).isEqualTo("SYNCED");
    }

    @Test
    void aBlockByIdAndByHeightShowsItsHeaderTransactionsAndPlace() {
        Block block = chain.get(102);
        BlockView byId = get("/api/v1/blocks/" + id(block), BlockView.class);
        assertThat(get("/api/v1/blocks/height/102", BlockView.class)).isEqualTo(byId);
        assertThat(byId.id()).isEqualTo(id(block));
        assertThat(byId.height()).isEqualTo(102);
        assertThat(byId.previousId()).isEqualTo(id(chain.get(101)));
        assertThat(byId.nextId()).isEqualTo(id(chain.get(103)));
        assertThat(byId.merkleRoot()).isEqualTo(block.header().merkleRoot().toHex());
        assertThat(byId.stateCommitment()).isEqualTo(block.header().stateCommitment().toHex());
        assertThat(byId.timestamp()).isEqualTo(block.header().timestamp());
        assertThat(byId.nonce()).isEqualTo(Long.toUnsignedString(block.header().nonce()));
        assertThat(byId.txIds()).containsExactly(TransactionCodec.txid(block.transactions().get(0)).toHex(),
                TransactionCodec.txid(payment).toHex());
        assertThat(byId.size()).isEqualTo(BlockCodec.encodedSize(block));
        assertThat(byId.transactionCount()).isEqualTo(2);
        assertThat(byId.status()).isEqualTo("VALID");
        assertThat(byId.mainChain()).isTrue();
        assertThat(byId.confirmations()).isEqualTo(2);
    }

    @Test
    void aBlockAsHexIsItsEncoding() {
        Block block = chain.get(102);
        String expected = ApiClient.hex(BlockCodec.encode(block));
        for (String uri : List.of("/api/v1/blocks/" + id(block) + "?format=hex", "/api/v1/blocks/height/102?format=hex")) {
            web.get().uri(uri).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                    .expectBody(String.class).isEqualTo(expected);
        }
        assertProblem(web.get().uri("/api/v1/blocks/height/1?format=xml").exchange(), 400, "INVALID_PARAMETER");
    }

    @Test
    void aSideBranchBlockIsFoundByIdButIsNotOnTheActiveChain() {
        BlockView view = get("/api/v1/blocks/" + id(side), BlockView.class);
        assertThat(view.height()).isEqualTo(103);
        assertThat(view.mainChain()).isFalse();
        assertThat(view.confirmations()).isZero();
        assertThat(view.nextId()).isNull();
        assertThat(get("/api/v1/blocks/height/103", BlockView.class).id()).isEqualTo(id(chain.getLast()));
    }

    @Test
    void unknownAndMalformedBlocksAreProblems() {
        assertProblem(web.get().uri("/api/v1/blocks/" + "ab".repeat(32)).exchange(), 404, "BLOCK_NOT_FOUND");
        assertProblem(web.get().uri("/api/v1/blocks/" + "ab".repeat(32) + "?format=hex").exchange(), 404, "BLOCK_NOT_FOUND");
        assertProblem(web.get().uri("/api/v1/blocks/height/104").exchange(), 404, "BLOCK_NOT_FOUND");
        assertProblem(web.get().uri("/api/v1/blocks/xyz").exchange(), 400, "MALFORMED_HASH");
        assertProblem(web.get().uri("/api/v1/blocks/" + "g".repeat(64)).exchange(), 400, "MALFORMED_HASH");
        assertProblem(web.get().uri("/api/v1/blocks/height/-1").exchange(), 400, "INVALID_PARAMETER");
        assertProblem(web.get().uri("/api/v1/blocks/height/ten").exchange(), 400, "INVALID_PARAMETER");
    }

    @Test
    void rangesAreBoundedAndAscending() {
        BlockPage page = get("/api/v1/blocks?from=10&to=14", BlockPage.class);
        assertThat(page.from()).isEqualTo(10);
        assertThat(page.to()).isEqualTo(14);
        assertThat(page.blocks()).extracting(BlockView::height).containsExactly(10L, 11L, 12L, 13L, 14L);
        assertThat(page.blocks()).extracting(BlockView::id).containsExactly(
                id(chain.get(10)), id(chain.get(11)), id(chain.get(12)), id(chain.get(13)), id(chain.get(14)));
        assertThat(page.blocks()).allSatisfy(b -> assertThat(b.txIds()).isNull());

        BlockPage newest = get("/api/v1/blocks", BlockPage.class);
        assertThat(newest.blocks()).extracting(BlockView::height).containsExactlyElementsOf(LongStream.rangeClosed(84, 103).boxed().toList());
        assertThat(get("/api/v1/blocks?from=100&to=150", BlockPage.class).blocks()).extracting(BlockView::height)
                .containsExactly(100L, 101L, 102L, 103L);
        assertThat(get("/api/v1/blocks?from=500", BlockPage.class).blocks()).isEmpty();
        assertThat(get("/api/v1/blocks?from=0&to=99", BlockPage.class).blocks()).hasSize(100);

        assertProblem(web.get().uri("/api/v1/blocks?from=0&to=100").exchange(), 400, "RANGE_TOO_LARGE");
        assertProblem(web.get().uri("/api/v1/blocks?from=5&to=4").exchange(), 400, "INVALID_PARAMETER");
        assertProblem(web.get().uri("/api/v1/blocks?from=-1").exchange(), 400, "INVALID_PARAMETER");
    }

    @Test
    void headersAreTheEncodedHeadersOfTheActiveChain() {
        HeadersView view = get("/api/v1/headers?from=0&count=5", HeadersView.class);
        assertThat(view.from()).isZero();
        assertThat(view.count()).isEqualTo(5);
        assertThat(view.headers()).containsExactlyElementsOf(chain.subList(0, 5).stream()
                .map(b -> ApiClient.hex(BlockHeaderCodec.encode(b.header()))).toList());
        assertThat(get("/api/v1/headers?from=100", HeadersView.class).headers()).hasSize(4);
        assertProblem(web.get().uri("/api/v1/headers?from=0&count=2001").exchange(), 400, "RANGE_TOO_LARGE");
        assertProblem(web.get().uri("/api/v1/headers?from=0&count=0").exchange(), 400, "INVALID_PARAMETER");
        assertProblem(web.get().uri("/api/v1/headers").exchange(), 400, "INVALID_PARAMETER");
    }

    @Test
    void aTransferIsDecodedWithItsBlockAndConfirmations() {
        String txid = TransactionCodec.txid(payment).toHex();
        TransactionView view = get("/api/v1/transactions/" + txid, TransactionView.class);
        assertThat(view.txid()).isEqualTo(txid);
        assertThat(view.type()).isEqualTo("transfer");
        assertThat(view.blockId()).isEqualTo(id(chain.get(102)));
        assertThat(view.height()).isEqualTo(102);
        assertThat(view.position()).isEqualTo(1);
        assertThat(view.confirmations()).isEqualTo(2);
        assertThat(view.blockTimestamp()).isEqualTo(chain.get(102).header().timestamp());
        assertThat(view.size()).isEqualTo(TransactionCodec.encodedSize(payment));
        assertThat(view.chainId()).isEqualTo("4e554d52");
        assertThat(view.sender()).isEqualTo(bech32(TestKeys.address(1))).startsWith("rnumi1");
        assertThat(view.recipient()).isEqualTo(bech32(TestKeys.address(2)));
        assertThat(view.nonce()).isEqualTo(1);
        assertThat(view.amount().units()).isEqualTo(500_000_000L);
        assertThat(view.amount().numi()).isEqualTo("5.00000000");
        assertThat(view.fee().units()).isEqualTo(1_000);
        assertThat(view.fee().numi()).isEqualTo("0.00001000");
        assertThat(view.expiryHeight()).isZero();
        assertThat(view.memo()).isEmpty();
        assertThat(view.policyThreshold()).isEqualTo(1);
        assertThat(view.policyKeys()).isEqualTo(1);
        assertThat(view.signatures()).isEqualTo(1);

        web.get().uri("/api/v1/transactions/" + txid + "?format=hex").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(ApiClient.hex(TransactionCodec.encode(payment)));
    }

    @Test
    void aCoinbaseIsDecodedWithoutTransferFields() {
        Block block = chain.get(103);
        TransactionView view = get("/api/v1/transactions/" + TransactionCodec.txid(block.coinbase()).toHex(), TransactionView.class);
        assertThat(view.type()).isEqualTo("coinbase");
        assertThat(view.position()).isZero();
        assertThat(view.confirmations()).isEqualTo(1);
        assertThat(view.recipient()).isEqualTo(bech32(TestKeys.address(3)));
        assertThat(view.amount().units()).isEqualTo(params.subsidy().subsidyAt(103).units());
        assertThat(view.memo()).isEqualTo(ApiClient.hex("main".getBytes()));
        assertThat(view.sender()).isNull();
        assertThat(view.fee()).isNull();
        assertThat(view.nonce()).isNull();
    }

    @Test
    void unknownAndMalformedTransactionsAreProblems() {
        assertProblem(web.get().uri("/api/v1/transactions/" + "cd".repeat(32)).exchange(), 404, "TRANSACTION_NOT_FOUND");
        assertProblem(web.get().uri("/api/v1/transactions/1234").exchange(), 400, "MALFORMED_HASH");
    }

    @Test
    void anAccountShowsBalanceNonceImmatureRewardsAndPagedHistory() {
        InMemoryAccountState state = builder.stateAfter(chain.getLast());
        Address miner = TestKeys.address(1);
        Account expected = state.account(miner);
        long immature = state.immatureRewards().values().stream()
                .filter(r -> r.recipient().equals(miner)).mapToLong(r -> r.amount().units()).sum();
        assertThat(immature).isPositive();

        AccountView first = get("/api/v1/accounts/" + bech32(miner) + "?limit=100", AccountView.class);
        assertThat(first.address()).isEqualTo(bech32(miner));
        assertThat(first.balance().units()).isEqualTo(expected.balance().units());
        assertThat(first.balance().numi()).isEqualTo(expected.balance().toNumiString());
        assertThat(first.nonce()).isEqualTo(1);
        assertThat(first.immature().units()).isEqualTo(immature);
        assertThat(first.tipHeight()).isEqualTo(103);
        assertThat(first.transactions()).hasSize(100);
        assertThat(first.transactions().getFirst().direction()).isEqualTo("SENT");
        assertThat(first.transactions().getFirst().txid()).isEqualTo(TransactionCodec.txid(payment).toHex());
        assertThat(first.transactions().get(1).direction()).isEqualTo("COINBASE");
        assertThat(first.transactions().get(1).height()).isEqualTo(101);
        assertThat(first.nextCursor()).isEqualTo("3-0");

        AccountView second = get("/api/v1/accounts/" + bech32(miner) + "?limit=100&cursor=" + first.nextCursor(), AccountView.class);
        assertThat(second.transactions()).extracting(t -> t.height()).containsExactly(2L, 1L);
        assertThat(second.nextCursor()).isNull();

        AccountView payee = get("/api/v1/accounts/" + bech32(TestKeys.address(2)), AccountView.class);
        assertThat(payee.balance().units()).isEqualTo(500_000_000L);
        assertThat(payee.nonce()).isZero();
        assertThat(payee.immature().units()).isZero();
        assertThat(payee.transactions()).singleElement().satisfies(t -> {
            assertThat(t.direction()).isEqualTo("RECEIVED");
            assertThat(t.sender()).isEqualTo(bech32(miner));
        });

        AccountView stranger = get("/api/v1/accounts/" + bech32(TestKeys.address(77)), AccountView.class);
        assertThat(stranger.balance().units()).isZero();
        assertThat(stranger.transactions()).isEmpty();
    }

    @Test
    void aBadAddressIsRefusedNamingTheAddressRule() {
        String good = bech32(TestKeys.address(1));
        String typo = good.substring(0, good.length() - 1) + (good.endsWith("q") ? "p" : "q");
        assertProblem(web.get().uri("/api/v1/accounts/" + typo).exchange(), 400, "ADDRESS_BAD_CHECKSUM");
        assertProblem(web.get().uri("/api/v1/accounts/" + AddressFormat.encode(TestKeys.address(1), AddressHrp.MAINNET)).exchange(),
                400, "ADDRESS_WRONG_HRP");
        assertProblem(web.get().uri("/api/v1/accounts/rnumi1abc").exchange(), 400, "ADDRESS_BAD_LENGTH");
        assertProblem(web.get().uri("/api/v1/accounts/nothing").exchange(), 400, "ADDRESS_NO_SEPARATOR");
        assertProblem(web.get().uri("/api/v1/accounts/" + good + "?limit=101").exchange(), 400, "INVALID_PARAMETER");
        assertProblem(web.get().uri("/api/v1/accounts/" + good + "?cursor=x").exchange(), 400, "INVALID_PARAMETER");
    }

    @Test
    void peersComeFromTheAddressBookMostRecentlySuccessfulFirst() {
        jdbc.sql("DELETE FROM peers").update();
        jdbc.sql("""
                INSERT INTO peers (address, peer_id, agent, last_seen, last_success, failures, banned_until, ban_reason) VALUES
                ('/ip4/10.0.0.1/tcp/8333', '12D3KooWA', 'numi/0.1', '2026-11-25T10:00:00Z', '2026-11-25T09:00:00Z', 0, NULL, NULL),
                ('/ip4/10.0.0.2/tcp/8333', NULL, NULL, NULL, NULL, 3, '2026-11-26T00:00:00Z', 'bad blocks'),
                ('/ip4/10.0.0.3/tcp/8333', '12D3KooWC', 'numi/0.1', '2026-11-25T11:00:00Z', '2026-11-25T11:00:00Z', 1, NULL, NULL)
                """).update();
        List<PeerView> peers = web.get().uri("/api/v1/peers").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<PeerView>>() {
                }).returnResult().getResponseBody();
        assertThat(peers).extracting(PeerView::address)
                .containsExactly("/ip4/10.0.0.3/tcp/8333", "/ip4/10.0.0.1/tcp/8333", "/ip4/10.0.0.2/tcp/8333");
        assertThat(peers.get(1)).isEqualTo(new PeerView("/ip4/10.0.0.1/tcp/8333", "12D3KooWA", "numi/0.1",
                "2026-11-25T10:00:00Z", "2026-11-25T09:00:00Z", 0, null, null));
        assertThat(peers.get(2).bannedUntil()).isEqualTo("2026-11-26T00:00:00Z");
        assertThat(peers.get(2).banReason()).isEqualTo("bad blocks");
        assertProblem(web.get().uri("/api/v1/peers?limit=0").exchange(), 400, "INVALID_PARAMETER");
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        assertProblem(web.get().uri("/api/v1/nothing-here").exchange(), 404, "NOT_FOUND");
        assertProblem(web.delete().uri("/api/v1/chain").exchange(), 405, "METHOD_NOT_ALLOWED");
    }

    private <T> T get(String uri, Class<T> type) {
        return web.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(type)
                .returnResult().getResponseBody();
    }

    private String bech32(Address address) {
        return AddressFormat.encode(address, params.hrp());
    }
}
