package io.numicoin.explorer.api;

import static io.numicoin.explorer.api.ExplorerController.blocking;
import static io.numicoin.explorer.api.ExplorerController.page;
import static io.numicoin.explorer.api.ExplorerController.shortLived;

import io.numicoin.explorer.stats.BlockPoint;
import io.numicoin.explorer.stats.ChainSeries;
import io.numicoin.explorer.stats.DifficultyProgress;
import io.numicoin.explorer.stats.DifficultyStats;
import io.numicoin.explorer.stats.FeeEstimate;
import io.numicoin.explorer.stats.FeeEstimates;
import io.numicoin.explorer.stats.HashRateEstimate;
import io.numicoin.explorer.stats.MempoolStats;
import io.numicoin.explorer.stats.MempoolSummary;
import io.numicoin.explorer.stats.MempoolTxView;
import io.numicoin.explorer.stats.SupplyStats;
import io.numicoin.explorer.stats.SupplyView;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The network's figures under {@code /api/v1/explorer/**} (docs/explorer.md): the mempool with its
 * fee histogram and projected blocks, fee estimates, difficulty, supply and halvings, hash rate and
 * the chart series, each from a service of {@code io.numicoin.explorer.stats} that the web UI calls
 * too. Every answer is cacheable for a few seconds; every window is bounded.
 */
@RestController
@RequestMapping("/api/v1/explorer")
public class StatsController {

    private final MempoolStats mempool;
    private final FeeEstimates fees;
    private final DifficultyStats difficulty;
    private final SupplyStats supply;
    private final ChainSeries chain;
    private final ExplorerQueries queries;

    public StatsController(MempoolStats mempool, FeeEstimates fees, DifficultyStats difficulty, SupplyStats supply,
            ChainSeries chain, ExplorerQueries queries) {
        this.mempool = mempool;
        this.fees = fees;
        this.difficulty = difficulty;
        this.supply = supply;
        this.chain = chain;
        this.queries = queries;
    }

    @Operation(summary = "The mempool: count, bytes, fees, fee-rate histogram and the projected next blocks")
    @GetMapping("/mempool")
    public Mono<ResponseEntity<MempoolSummary>> mempool() {
        return blocking(() -> shortLived(mempool.summary()));
    }

    @Operation(summary = "The newest pending transfers")
    @GetMapping("/mempool/recent")
    public Mono<ResponseEntity<List<MempoolTxView>>> recentMempool(
            @RequestParam(name = "limit", defaultValue = "10") int limit) {
        int n = page(limit);
        return blocking(() -> shortLived(mempool.recent(n)));
    }

    @Operation(summary = "Fee rates (base units per 1,000 bytes) to confirm within each target of blocks")
    @GetMapping("/fee-estimates")
    public Mono<ResponseEntity<List<FeeEstimate>>> feeEstimates(
            @RequestParam(name = "target", required = false) List<Integer> targets) {
        List<Integer> asked = targets == null || targets.isEmpty() ? FeeEstimates.DEFAULT_TARGETS : targets;
        if (asked.size() > 16 || asked.stream().anyMatch(t -> t == null || t < 1 || t > fees.maxTarget())) {
            throw ApiException.badRequest("INVALID_PARAMETER",
                    "target must be 1.." + fees.maxTarget() + ", at most 16 of them");
        }
        return blocking(() -> shortLived(fees.estimates(asked)));
    }

    @Operation(summary = "Difficulty at the tip, the next block's target and the schedule's progress")
    @GetMapping("/difficulty")
    public Mono<ResponseEntity<DifficultyProgress>> difficulty() {
        return blocking(() -> shortLived(difficulty.progress().orElseThrow(ExplorerController::emptyReadModel)));
    }

    @Operation(summary = "Supply at the tip and the halving schedule")
    @GetMapping("/supply")
    public Mono<ResponseEntity<SupplyView>> supply() {
        return blocking(() -> {
            long height = queries.tipHeight();
            if (height < 0) {
                throw ExplorerController.emptyReadModel();
            }
            return shortLived(supply.at(height));
        });
    }

    @Operation(summary = "The hash rate estimated from the work and time of the last blocks")
    @GetMapping("/hashrate")
    public Mono<ResponseEntity<HashRateEstimate>> hashRate(
            @RequestParam(name = "blocks", defaultValue = "120") int blocks) {
        int n = window(blocks);
        return blocking(() -> shortLived(chain.hashRate(n).orElseThrow(
                () -> ApiException.notFound("BLOCK_NOT_FOUND", "fewer than two blocks: no hash rate yet"))));
    }

    @Operation(summary = "The last blocks for charts: time, interval, difficulty, transactions, size, hash rate")
    @GetMapping("/charts/blocks")
    public Mono<ResponseEntity<List<BlockPoint>>> chartBlocks(
            @RequestParam(name = "blocks", defaultValue = "144") int blocks) {
        int n = window(blocks);
        return blocking(() -> shortLived(chain.recent(n)));
    }

    private static int window(int blocks) {
        if (blocks < 1 || blocks > ChainSeries.MAX_BLOCKS) {
            throw ApiException.badRequest("INVALID_PARAMETER", "blocks must be 1.." + ChainSeries.MAX_BLOCKS);
        }
        return blocks;
    }
}
