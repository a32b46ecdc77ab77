package io.numicoin.explorer.api;

import static io.numicoin.explorer.index.ChainFixtureAccess.MAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.events.EventMeta;
import io.numicoin.events.MempoolEvent;
import io.numicoin.explorer.index.ChainFixtureAccess;
import io.numicoin.explorer.store.PostgresMempoolStore;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /api/v1/explorer/**} over a read model on real PostgreSQL holding a real chain of 114
 * blocks: pages, cursors, confirmations, raw hex, cache headers, search and problem+json errors.
 */
class ExplorerApiIT {

    private static ChainFixtureAccess.Model model;
    private static WebTestClient client;

    @BeforeAll
    static void load() {
        model = ChainFixtureAccess.followedMain();
        client = ApiTestClient.of(model);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static String hex(Block b) {
        return ChainFixtureAccess.id(b).toHex();
    }

    @Test
    void blocksByHeightAndIdWithConfirmationsAndCacheHeaders() {
        Block tip = MAIN.getLast();
        client.get().uri("/api/v1/explorer/blocks/height/" + tip.height()).exchange().expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofSeconds(5)).cachePublic())
                .expectBody().jsonPath("$.id").isEqualTo(hex(tip)).jsonPath("$.confirmations").isEqualTo(1)
                .jsonPath("$.transactionCount").isEqualTo(2).jsonPath("$.status").isEqualTo("ACTIVE");
        Block deep = MAIN.get(5);
        client.get().uri("/api/v1/explorer/blocks/" + hex(deep)).exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", ".*immutable.*")
                .expectBody().jsonPath("$.height").isEqualTo(5)
                .jsonPath("$.confirmations").isEqualTo(tip.height() - 5 + 1);
    }

    @Test
    void latestBlocksArePagedByHeight() {
        List<Long> heights = new ArrayList<>();
        Long below = null;
        int pages = 0;
        do {
            Map<?, ?> page = client.get().uri(below == null ? "/api/v1/explorer/blocks?limit=50"
                    : "/api/v1/explorer/blocks?limit=50&below=" + below).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            for (Object b : (List<?>) page.get("blocks")) {
                heights.add(((Number) ((Map<?, ?>) b).get("height")).longValue());
            }
            below = page.get("nextBelow") == null ? null : ((Number) page.get("nextBelow")).longValue();
            pages++;
        } while (below != null && pages < 10);
        assertThat(heights).hasSize(MAIN.size()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(heights.getLast()).isZero();
    }

    @Test
    void aTransactionWithItsStatusAndRawHex() {
        Block block = MAIN.getLast();
        TransferTx transfer = (TransferTx) block.transactions().get(1);
        String txid = TransactionCodec.txid(transfer).toHex();
        client.get().uri("/api/v1/explorer/transactions/" + txid.toUpperCase()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.txid").isEqualTo(txid)
                .jsonPath("$.hex").isEqualTo(HexFormat.of().formatHex(TransactionCodec.encode(transfer)))
                .jsonPath("$.status.confirmed").isEqualTo(true)
                .jsonPath("$.status.confirmations").isEqualTo(1)
                .jsonPath("$.status.blockHeight").isEqualTo(block.height())
                .jsonPath("$.amount").isEqualTo(transfer.amount().units())
                .jsonPath("$.sender").isEqualTo(AddressFormat.encode(transfer.sender(), ChainFixtureAccess.CHAIN.params().hrp()));
        client.get().uri("/api/v1/explorer/blocks/" + hex(block) + "/transactions?offset=1&limit=1").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.transactions.length()").isEqualTo(1)
                .jsonPath("$.transactions[0].txid").isEqualTo(txid).jsonPath("$.total").isEqualTo(2);
    }

    @Test
    void addressSummaryAndHistoryByCursorCoverEveryEntryOnce() {
        String address = AddressFormat.encode(TestKeys.address(1), ChainFixtureAccess.CHAIN.params().hrp());
        long rows = model.jdbc().queryForObject("SELECT count(*) FROM address_history WHERE address = ?", Long.class,
                TestKeys.address(1).policyHash().toArray());
        client.get().uri("/api/v1/explorer/addresses/" + address).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.txCount").isEqualTo(rows)
                .jsonPath("$.balance").isEqualTo(ChainFixtureAccess.expectedBalance(MAIN.getLast(), TestKeys.address(1)));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<?, ?> page = client.get().uri("/api/v1/explorer/addresses/" + address + "/history?limit=7"
                    + (cursor == null ? "" : "&cursor=" + cursor)).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            for (Object e : (List<?>) page.get("entries")) {
                seen.add(((Map<?, ?>) e).get("height") + ":" + ((Map<?, ?>) e).get("index"));
            }
            cursor = (String) page.get("next");
        } while (cursor != null);
        assertThat(seen).hasSize((int) rows).doesNotHaveDuplicates();
    }

    @Test
    void searchFindsHeightIdTxidAddressAndPrefix() {
        Block block = MAIN.get(42);
        client.get().uri("/api/v1/explorer/search?q=42").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results[0].kind").isEqualTo("block").jsonPath("$.results[0].value").isEqualTo(hex(block));
        client.get().uri("/api/v1/explorer/search?q=" + hex(block).substring(0, 12)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.results[0].value").isEqualTo(hex(block));
        String txid = TransactionCodec.txid(MAIN.getLast().transactions().get(1)).toHex();
        client.get().uri("/api/v1/explorer/search?q=" + txid).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results[0].kind").isEqualTo("transaction");
        String address = AddressFormat.encode(TestKeys.address(2), ChainFixtureAccess.CHAIN.params().hrp());
        client.get().uri("/api/v1/explorer/search?q=" + address).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results[0].kind").isEqualTo("address").jsonPath("$.results[0].value").isEqualTo(address);
    }

    @Test
    void errorsAreProblemJsonWithTheirRule() {
        client.get().uri("/api/v1/explorer/blocks/xyz").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("MALFORMED_HASH")
                .jsonPath("$.type").isEqualTo("https://numicoin.io/problems/malformed-hash");
        client.get().uri("/api/v1/explorer/blocks/" + "ab".repeat(32)).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.rule").isEqualTo("BLOCK_NOT_FOUND");
        client.get().uri("/api/v1/explorer/blocks?limit=101").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.rule").isEqualTo("INVALID_PARAMETER");
        client.get().uri("/api/v1/explorer/addresses/numi1qqqq").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.rule").value(rule -> assertThat((String) rule).startsWith("ADDRESS_"));
    }

    @Test
    void theMempoolCountsAcceptedAndForgetsRemoved() {
        PostgresMempoolStore mempool = new PostgresMempoolStore(model.jdbc());
        TransferTx pending = ChainFixtureAccess.CHAIN.transfer(1, TestKeys.address(30), 777, 25_000, 50);
        MempoolEvent.Accepted accepted = MempoolEvent.Accepted.of(new EventMeta(ChainFixtureAccess.CHAIN_ID, 1, 5), pending,
                2000, MAIN.getLast().height());
        mempool.accepted(accepted);
        mempool.accepted(accepted);
        // a transaction already in an active block is not pending, whatever the event says
        TransferTx confirmed = (TransferTx) MAIN.getLast().transactions().get(1);
        mempool.accepted(MempoolEvent.Accepted.of(new EventMeta(ChainFixtureAccess.CHAIN_ID, 2, 5), confirmed, 2000, 0));
        client.get().uri("/api/v1/explorer/mempool").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(1)
                .jsonPath("$.bytes").isEqualTo(TransactionCodec.encode(pending).length);
        client.get().uri("/api/v1/explorer/transactions/" + accepted.txid().toHex()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status.inMempool").isEqualTo(true).jsonPath("$.status.confirmed").isEqualTo(false);
        mempool.removed(new MempoolEvent.Removed(new EventMeta(ChainFixtureAccess.CHAIN_ID, 3, 6), accepted.txid(),
                pending.sender(), MempoolEvent.RemovalReason.EXPIRED));
        client.get().uri("/api/v1/explorer/mempool").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.count").isEqualTo(0);
    }
}
