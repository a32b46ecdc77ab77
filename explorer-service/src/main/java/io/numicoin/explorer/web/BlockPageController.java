package io.numicoin.explorer.web;

import io.numicoin.explorer.api.ExplorerQueries;
import io.numicoin.explorer.api.ExplorerViews.BlockView;
import io.numicoin.explorer.api.ExplorerViews.TxView;
import io.numicoin.protocol.hash.Hash256;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * {@code /block/{id}}: a block on any branch with its transactions, {@value #PAGE} a page;
 * {@code /height/{h}} redirects to the active block at that height.
 */
@Controller
public class BlockPageController {

    static final int PAGE = 25;

    private final ExplorerQueries queries;

    public BlockPageController(ExplorerQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/block/{id}")
    public Mono<Rendering> block(@PathVariable("id") String id,
            @RequestParam(name = "offset", required = false) Long offset) {
        Hash256 hash = PageInput.hash("a block id", id);
        int from = (int) PageInput.bounded("offset", offset, 0, 10_000);
        return Pages.render(() -> {
            BlockView block = queries.blockById(hash)
                    .orElseThrow(() -> new PageNotFoundException("This explorer has no block " + hash + "."));
            List<TxView> txs = queries.blockTransactions(hash, from, PAGE);
            Integer previous = from > 0 ? Math.max(0, from - PAGE) : null;
            Integer next = from + PAGE < block.transactionCount() ? from + PAGE : null;
            return Pages.view("block").modelAttribute("block", block).modelAttribute("txs", txs)
                    .modelAttribute("offset", from).modelAttribute("previousOffset", previous)
                    .modelAttribute("nextOffset", next).modelAttribute("title", "Block " + block.height()).build();
        });
    }

    @GetMapping("/height/{height}")
    public Mono<Rendering> height(@PathVariable("height") long height) {
        if (height < 0) {
            throw new BadPageRequestException("a height is not negative");
        }
        return Pages.render(() -> Pages.redirect("/block/" + queries.blockAtHeight(height)
                .orElseThrow(() -> new PageNotFoundException("The active chain has no block at height " + height + " yet."))
                .id()));
    }
}
