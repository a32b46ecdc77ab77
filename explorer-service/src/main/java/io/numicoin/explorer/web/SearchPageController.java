package io.numicoin.explorer.web;

import io.numicoin.explorer.api.ApiException;
import io.numicoin.explorer.api.ExplorerController;
import io.numicoin.explorer.api.ExplorerViews.SearchResult;
import io.numicoin.explorer.api.ExplorerViews.SearchView;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * {@code /search?q=}: the REST API's search (a height, block id, txid, address or hex prefix),
 * answered as a page; a single hit redirects to its page.
 */
@Controller
public class SearchPageController {

    private final ExplorerController api;

    public SearchPageController(ExplorerController api) {
        this.api = api;
    }

    /** A search hit with the web page it links to. */
    public record Hit(String kind, String value, String href) {
    }

    @GetMapping("/search")
    public Mono<Rendering> search(@RequestParam(name = "q", required = false) String q) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty()) {
            return Mono.just(Pages.view("search").modelAttribute("query", "").modelAttribute("hits", List.of())
                    .modelAttribute("title", "Search").build());
        }
        Mono<SearchView> found;
        try {
            found = api.search(query).map(response -> response.getBody());
        } catch (ApiException e) {
            return Mono.error(new BadPageRequestException(e.getMessage()));
        }
        return found.map(view -> {
            List<Hit> hits = view.results().stream().map(SearchPageController::hit).toList();
            if (hits.size() == 1) {
                return Pages.redirect(hits.getFirst().href());
            }
            return Pages.view("search").modelAttribute("query", query).modelAttribute("hits", hits)
                    .modelAttribute("title", "Search").build();
        });
    }

    private static Hit hit(SearchResult result) {
        String page = switch (result.kind()) {
            case "block" -> "/block/";
            case "transaction" -> "/tx/";
            case "address" -> "/address/";
            default -> throw new IllegalStateException("unknown search result kind " + result.kind());
        };
        return new Hit(result.kind(), result.value(), page + result.value());
    }
}
