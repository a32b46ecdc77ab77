package io.numicoin.gateway.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.numicoin.gateway.client.Caller;
import io.numicoin.gateway.route.PublicRoute;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The outermost filter: security headers on every answer, then one access-log line and one
 * {@code numi.gateway.requests} timing per request, tagged by route, status and key id (the public
 * id or {@code anonymous}; never the key). The log has the client's address, the key id, method,
 * path without the query, route, status and time: no header values, no secrets.
 */
public final class EdgeFilter implements WebFilter, Ordered {

    private static final Logger access = LoggerFactory.getLogger("numi.gateway.access");

    private final MeterRegistry meters;
    /** The timers already registered (as many as the registry holds): no tag list and meter id built per request. */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    public EdgeFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders h = exchange.getResponse().getHeaders();
            h.set("X-Content-Type-Options", "nosniff");
            h.set("X-Frame-Options", "DENY");
            h.set("Referrer-Policy", "no-referrer");
            h.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            h.set("Strict-Transport-Security", "max-age=31536000");
            h.set("Cross-Origin-Resource-Policy", "cross-origin");
            h.remove("Server");
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
        timers.computeIfAbsent(new TimerKey(route, code, key), k -> Timer.builder("numi.gateway.requests")
                        .description("requests answered by the gateway")
                        .tag("route", k.route()).tag("status", Integer.toString(k.status())).tag("key", k.key())
                        .register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
        if (access.isInfoEnabled()) {
            String client = Caller.of(exchange).map(c -> c.address().getHostAddress()).orElse("-");
            access.info("{} {} {} {} route={} status={} ms={}", client, key, exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), route, code, nanos / 1_000_000);
        }
    }

    private record TimerKey(String route, int status, String key) {
    }

    @Override
    public int getOrder() {
        return FilterOrder.EDGE;
    }
}
