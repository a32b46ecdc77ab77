package io.numicoin.explorer.api;

import static io.numicoin.explorer.index.ChainFixtureAccess.MAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.events.EventMeta;
import io.numicoin.events.MempoolEvent;
import io.numicoin.explorer.index.ChainFixtureAccess;
import io.numicoin.explorer.store.PostgresMempoolStore;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.money.SubsidySchedule;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.TestKeys;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The figures of {@code /api/v1/explorer/**} over a read model on real PostgreSQL that followed a
 * real chain (and, for stale blocks, a reorg of depth 3): mempool histogram and projection from real
 * {@code numi.mempool.v1} events, fee estimates, difficulty, supply, hash rate, chart series.
 */
class StatsApiIT {

    private static ChainFixtureAccess.Model model;
    private static WebTestClient client;

    @BeforeAll
    static void load() {
        model = ChainFixtureAccess.followedMainThenReorg(3);
        client = ApiTestClient.of(model);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** The active chain after the reorg: MAIN below its top 3, then the fork's 4 blocks. */
    private static List<Block> active() {
        List<Block> chain = new ArrayList<>(MAIN.subList(0, MAIN.size() - 3));
        chain.addAll(ChainFixtureAccess.fork(3));
        return chain;
    }

    @Test
    void theMempoolHasAFeeHistogramAProjectedBlockAndItsNewestTransfers() {
        PostgresMempoolStore store = new PostgresMempoolStore(model.jdbc());
        List<TransferTx> txs = List.of(
                ChainFixtureAccess.CHAIN.transfer(1, TestKeys.address(40), 1_000, 30_000, 50),
                ChainFixtureAccess.CHAIN.transfer(2, TestKeys.address(41), 2_000, 30_000, 1),
                ChainFixtureAccess.CHAIN.transfer(3, TestKeys.address(42), 3_000, 30_000, 1),
                ChainFixtureAccess.CHAIN.transfer(10, TestKeys.address(43), 4_000, 30_000, 1));
        long[] rates = {1_500, 2_500, 50_000, 900};
        long bytes = 0;
        for (int i = 0; i < txs.size(); i++) {
            store.accepted(MempoolEvent.Accepted.of(new EventMeta(ChainFixtureAccess.CHAIN_ID, i, 10_000 + i), txs.get(i),
                    rates[i], 100));
            bytes += TransactionCodec.encode(txs.get(i)).length;
        }
        try {
            Map<?, ?> mempool = client.get().uri("/api/v1/explorer/mempool").exchange().expectStatus().isOk()
                    .expectHeader().valueMatches("Cache-Control", ".*max-age=5.*")
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(((Number) mempool.get("count")).longValue()).isEqualTo(4);
            assertThat(((Number) mempool.get("bytes")).longValue()).isEqualTo(bytes);
            assertThat(((Number) mempool.get("totalFees")).longValue()).isEqualTo(4 * 30_000);
            List<Map<?, ?>> histogram = list(mempool.get("feeHistogram"));
            assertThat(histogram).hasSize(16);
            assertThat(count(histogram, 0)).isEqualTo(1);       // 900: below 1,000
            assertThat(count(histogram, 1_000)).isEqualTo(1);   // 1,500
            assertThat(count(histogram, 2_000)).isEqualTo(1);   // 2,500
            assertThat(count(histogram, 50_000)).isEqualTo(1);  // 50,000
            assertThat(histogram.stream().mapToLong(b -> ((Number) b.get("count")).longValue()).sum()).isEqualTo(4);
            List<Map<?, ?>> projected = list(mempool.get("projectedBlocks"));
            assertThat(projected).hasSize(1);
            assertThat(((Number) projected.getFirst().get("transactionCount")).intValue()).isEqualTo(4);
            assertThat(((Number) projected.getFirst().get("minFeeRate")).longValue()).isEqualTo(900);
            assertThat(((Number) projected.getFirst().get("maxFeeRate")).longValue()).isEqualTo(50_000);
            assertThat(((Number) projected.getFirst().get("bytes")).longValue()).isEqualTo(bytes);

            client.get().uri("/api/v1/explorer/mempool/recent?limit=2").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.length()").isEqualTo(2)
                    .jsonPath("$[0].txid").isEqualTo(TransactionCodec.txid(txs.get(3)).toHex())
                    .jsonPath("$[0].feeRate").isEqualTo(900)
                    .jsonPath("$[1].txid").isEqualTo(TransactionCodec.txid(txs.get(2)).toHex());
        } finally {
            model.jdbc().update("DELETE FROM mempool_tx");
        }
    }

    @Test
    void feeEstimatesFallBackToTheLowestRatesOfRecentBlocks() {
        // an empty mempool: no projected block to outbid, so the median of recent blocks' lowest rates
        List<Long> lowest = new ArrayList<>();
        List<Block> chain = active();
        for (Block b : chain.subList(chain.size() - 12, chain.size())) {
            long min = Long.MAX_VALUE;
            for (Transaction t : b.transactions()) {
                if (t instanceof TransferTx transfer) {
                    min = Math.min(min, transfer.fee().units() * 1000 / TransactionCodec.encode(transfer).length);
                }
            }
            if (min != Long.MAX_VALUE) {
                lowest.add(min);
            }
        }
        lowest.sort(null);
        long median = Math.max(ApiTestClient.MIN_FEE_RATE, lowest.get(lowest.size() / 2));
        client.get().uri("/api/v1/explorer/fee-estimates").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(5)
                .jsonPath("$[0].target").isEqualTo(1).jsonPath("$[0].feeRate").isEqualTo(median)
                .jsonPath("$[0].basis").isEqualTo("RECENT_BLOCKS")
                .jsonPath("$[4].target").isEqualTo(12);
        client.get().uri("/api/v1/explorer/fee-estimates?target=3&target=7").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[1].target").isEqualTo(7);
        for (String bad : List.of("0", String.valueOf(ApiTestClient.PROJECTED_BLOCKS), "x")) {
            client.get().uri("/api/v1/explorer/fee-estimates?target=" + bad).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void difficultyIsTheNetworksAlgorithmOverTheReadModelsHeaders() {
        List<Block> chain = active();
        Block tip = chain.getLast();
        Block windowStart = chain.get(chain.size() - 1 - 60);
        client.get().uri("/api/v1/explorer/difficulty").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.height").isEqualTo(tip.height())
                .jsonPath("$.algorithm").isEqualTo("FIXED")
                .jsonPath("$.bits").isEqualTo(tip.header().target().toString())
                .jsonPath("$.nextBits").isEqualTo(tip.header().target().toString())
                .jsonPath("$.changePercent").isEqualTo(0.0)
                .jsonPath("$.expectedHashesPerBlock").isEqualTo(tip.header().target().work().toString())
                .jsonPath("$.window").isEqualTo(60)
                .jsonPath("$.averageBlockSeconds")
                .isEqualTo((double) (tip.header().timestamp() - windowStart.header().timestamp()) / 60);
    }

    @Test
    void supplyFollowsTheSubsidySchedule() {
        Block tip = active().getLast();
        SubsidySchedule schedule = ChainFixtureAccess.CHAIN.params().subsidy();
        long supply = 0;
        for (long h = 1; h <= tip.height(); h++) {
            supply += schedule.subsidyAt(h).units();
        }
        long next = schedule.halvingInterval() + 1;
        client.get().uri("/api/v1/explorer/supply").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.height").isEqualTo(tip.height())
                .jsonPath("$.supply").isEqualTo(supply)
                .jsonPath("$.maxSupply").isEqualTo(schedule.totalSupply().units())
                .jsonPath("$.subsidy").isEqualTo(schedule.subsidyAt(tip.height()).units())
                .jsonPath("$.nextHalvingHeight").isEqualTo(next)
                .jsonPath("$.blocksToHalving").isEqualTo(next - tip.height())
                .jsonPath("$.halvings[0].subsidyAfter").isEqualTo(schedule.subsidyAt(next).units());
    }

    @Test
    void hashRateAndChartSeriesAreTheWorkOfTheBlocksOverTheirTime() {
        List<Block> chain = active();
        Block tip = chain.getLast();
        Block base = chain.get(chain.size() - 1 - 10);
        BigInteger work = BigInteger.ZERO;
        for (Block b : chain.subList(chain.size() - 10, chain.size())) {
            work = work.add(b.header().target().work());
        }
        long seconds = tip.header().timestamp() - base.header().timestamp();
        assertThat(seconds).isPositive();
        client.get().uri("/api/v1/explorer/hashrate?blocks=10").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.fromHeight").isEqualTo(base.height()).jsonPath("$.toHeight").isEqualTo(tip.height())
                .jsonPath("$.work").isEqualTo(work.toString()).jsonPath("$.seconds").isEqualTo(seconds)
                .jsonPath("$.hashesPerSecond").isEqualTo(work.doubleValue() / seconds);

        List<?> points = client.get().uri("/api/v1/explorer/charts/blocks?blocks=20").exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        assertThat(points).hasSize(20);
        for (int i = 0; i < 20; i++) {
            Map<?, ?> point = (Map<?, ?>) points.get(i);
            Block b = chain.get(chain.size() - 20 + i);
            Block parent = chain.get(chain.size() - 21 + i);
            assertThat(((Number) point.get("height")).longValue()).isEqualTo(b.height());
            assertThat(((Number) point.get("intervalSeconds")).longValue())
                    .isEqualTo(b.header().timestamp() - parent.header().timestamp());
        }
        for (String bad : List.of("0", "2017", "x")) {
            client.get().uri("/api/v1/explorer/hashrate?blocks=" + bad).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.rule").isEqualTo("INVALID_PARAMETER");
        }
    }

    @Test
    void staleBlocksArePagedNewestFirstWithTheirReorg() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Map<?, ?> page = client.get().uri("/api/v1/explorer/stale-blocks?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            for (Object b : list(page.get("blocks"))) {
                Map<?, ?> block = (Map<?, ?>) b;
                assertThat(block.get("status")).isEqualTo("STALE");
                assertThat(block.get("reorgId")).isNotNull();
                ids.add((String) block.get("id"));
            }
            cursor = (String) page.get("next");
        } while (cursor != null);
        assertThat(ids).containsExactly(
                ChainFixtureAccess.id(MAIN.get(MAIN.size() - 1)).toHex(),
                ChainFixtureAccess.id(MAIN.get(MAIN.size() - 2)).toHex(),
                ChainFixtureAccess.id(MAIN.get(MAIN.size() - 3)).toHex());
        client.get().uri("/api/v1/explorer/stale-blocks?cursor=12:zz").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.rule").isEqualTo("INVALID_PARAMETER");
        client.get().uri("/api/v1/explorer/reorgs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].depth").isEqualTo(3).jsonPath("$[0].closed").isEqualTo(true);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> list(Object o) {
        return (List<Map<?, ?>>) o;
    }

    private static long count(List<Map<?, ?>> histogram, long from) {
        return histogram.stream().filter(b -> ((Number) b.get("fromFeeRate")).longValue() == from)
                .mapToLong(b -> ((Number) b.get("count")).longValue()).findFirst().orElseThrow();
    }
}
