package io.numicoin.gateway.web;

import io.numicoin.gateway.client.Caller;
import io.numicoin.gateway.route.PublicRoute;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The outermost filter: security headers on every answer ({@link SecurityHeaders}), then one
 * access-log line and one {@code numi.gateway.requests} timing per request ({@link AnswerLog}).
 */
public final class EdgeFilter implements WebFilter, Ordered {

    private final AnswerLog answers;

    public EdgeFilter(AnswerLog answers) {
        this.answers = answers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders h = exchange.getResponse().getHeaders();
            SecurityHeaders.apply(h::set);
            h.remove(SecurityHeaders.SERVER);
            return Mono.empty();
        });
        if (!ApiPaths.isApi(exchange)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).doFinally(signal -> record(exchange, start));
    }

    private void record(ServerWebExchange exchange, long start) {
        long nanos = System.nanoTime() - start;
        var status = exchange.getResponse().getStatusCode();
        int code = status == null ? 200 : status.value();
        String route = RouteAttributes.route(exchange).map(PublicRoute::id).orElse("none");
        String key = Caller.of(exchange).map(Caller::label).orElse("anonymous");
        String client = Caller.of(exchange).map(c -> c.address().getHostAddress()).orElse("-");
        answers.record(route, code, key, client, exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(), nanos);
    }

    @Override
    public int getOrder() {
        return FilterOrder.EDGE;
    }
}
