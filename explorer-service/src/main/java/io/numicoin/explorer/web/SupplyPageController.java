package io.numicoin.explorer.web;

import io.numicoin.explorer.api.ExplorerQueries;
import io.numicoin.explorer.stats.SupplyStats;
import io.numicoin.explorer.stats.SupplyView;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** {@code /supply}: coins created so far against the most there will be, the subsidy, and the countdown to the next halving. */
@Controller
public class SupplyPageController {

    /** Halvings listed from the current era on. */
    static final int HALVINGS_SHOWN = 12;

    private final SupplyStats supply;
    private final ExplorerQueries queries;

    public SupplyPageController(SupplyStats supply, ExplorerQueries queries) {
        this.supply = supply;
        this.queries = queries;
    }

    @GetMapping("/supply")
    public Mono<Rendering> supply() {
        return Pages.render(() -> {
            long height = queries.tipHeight();
            if (height < 0) {
                throw new PageNotFoundException("No block indexed yet: the explorer is catching up with its node.");
            }
            SupplyView view = supply.at(height);
            return Pages.view("supply").modelAttribute("supply", view)
                    .modelAttribute("halvings", view.halvings().subList(0, Math.min(HALVINGS_SHOWN, view.halvings().size())))
                    .modelAttribute("title", "Supply and halvings").build();
        });
    }
}
