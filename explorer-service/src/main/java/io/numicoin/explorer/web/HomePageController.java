package io.numicoin.explorer.web;

import io.numicoin.explorer.api.ExplorerQueries;
import io.numicoin.explorer.api.ExplorerViews.BlockView;
import io.numicoin.explorer.stats.ChainSeries;
import io.numicoin.explorer.stats.DifficultyStats;
import io.numicoin.explorer.stats.FeeRateBucket;
import io.numicoin.explorer.web.live.LiveReadModel;
import io.numicoin.explorer.web.live.LiveUpdate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * {@code /}: the latest blocks, the mempool (fee-rate histogram, projected next blocks, newest
 * transactions) and the network's figures (height, difficulty, hash rate, block time); the page's
 * script keeps blocks and mempool current.
 */
@Controller
public class HomePageController {

    static final int LATEST_BLOCKS = 10;

    private final ExplorerQueries queries;
    private final LiveReadModel live;
    private final DifficultyStats difficulty;
    private final ChainSeries series;

    public HomePageController(ExplorerQueries queries, LiveReadModel live, DifficultyStats difficulty, ChainSeries series) {
        this.queries = queries;
        this.live = live;
        this.difficulty = difficulty;
        this.series = series;
    }

    @GetMapping("/")
    public Mono<Rendering> home() {
        return Pages.render(() -> {
            List<BlockView> blocks = queries.latestBlocks(Long.MAX_VALUE, LATEST_BLOCKS);
            LiveUpdate.Mempool mempool = live.mempool();
            long widest = mempool.summary().feeHistogram().stream().mapToLong(FeeRateBucket::bytes).max().orElse(0);
            return Pages.view("home").modelAttribute("blocks", blocks).modelAttribute("mempool", mempool.summary())
                    .modelAttribute("newest", mempool.newest()).modelAttribute("widestBucket", Math.max(1, widest))
                    .modelAttribute("tip", blocks.isEmpty() ? null : blocks.getFirst())
                    .modelAttribute("difficulty", difficulty.progress().orElse(null))
                    .modelAttribute("hashRate", series.hashRate(ChainSeries.HASH_RATE_WINDOW).orElse(null))
                    .modelAttribute("title", "NumiCoin explorer").build();
        });
    }
}
