package io.numicoin.explorer.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** {@code /forks}: the newest reorganisations as a fork tree, each branch's blocks linked to their pages. */
@Controller
public class ForksPageController {

    static final int REORGS = 20;

    private final WebQueries queries;

    public ForksPageController(WebQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/forks")
    public Mono<Rendering> forks() {
        return Pages.render(() -> Pages.view("forks").modelAttribute("forks", queries.forks(REORGS))
                .modelAttribute("title", "Reorgs and stale blocks").build());
    }
}
