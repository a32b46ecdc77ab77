package io.numicoin.explorer.web;

import io.numicoin.explorer.api.ExplorerQueries;
import io.numicoin.explorer.api.ExplorerViews.BlockView;
import io.numicoin.explorer.web.live.LiveReadModel;
import io.numicoin.explorer.web.live.LiveUpdate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** {@code /}: the latest blocks, the live mempool and the network's figures; the script keeps them current. */
@Controller
public class HomePageController {

    static final int LATEST_BLOCKS = 10;

    private final ExplorerQueries queries;
    private final LiveReadModel live;

    public HomePageController(ExplorerQueries queries, LiveReadModel live) {
        this.queries = queries;
        this.live = live;
    }

    @GetMapping("/")
    public Mono<Rendering> home() {
        return Pages.render(() -> {
            List<BlockView> blocks = queries.latestBlocks(Long.MAX_VALUE, LATEST_BLOCKS);
            LiveUpdate.Mempool mempool = live.mempool(live.mempoolFingerprint());
            return Pages.view("home").modelAttribute("blocks", blocks).modelAttribute("mempool", mempool)
                    .modelAttribute("tip", blocks.isEmpty() ? null : blocks.getFirst())
                    .modelAttribute("title", "NumiCoin explorer").build();
        });
    }
}
