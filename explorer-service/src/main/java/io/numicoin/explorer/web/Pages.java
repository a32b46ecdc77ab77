package io.numicoin.explorer.web;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** What every page controller shares: queries off the event loop, and the pages' cache policy. */
final class Pages {

    /**
     * Pages show confirmations, balances and the mempool, which change with every block: browsers and
     * proxies may reuse one for a few seconds (the REST API's short cache), never longer.
     */
    static final CacheControl PAGE_CACHE = CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();

    private Pages() {
    }

    /** Runs the page's blocking queries on the bounded elastic scheduler. */
    static Mono<Rendering> render(Callable<Rendering> page) {
        return Mono.fromCallable(page).subscribeOn(Schedulers.boundedElastic());
    }

    /** A view with the pages' cache header. */
    static Rendering.Builder<?> view(String name) {
        return Rendering.view(name).header("Cache-Control", PAGE_CACHE.getHeaderValue());
    }

    static Rendering redirect(String path) {
        return Rendering.redirectTo(path).header("Cache-Control", PAGE_CACHE.getHeaderValue()).build();
    }
}
