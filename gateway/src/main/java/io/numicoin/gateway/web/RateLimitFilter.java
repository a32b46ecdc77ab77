package io.numicoin.gateway.web;

import io.numicoin.gateway.client.Caller;
import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.limit.TokenBuckets;
import io.numicoin.gateway.limit.Verdict;
import io.numicoin.gateway.route.PublicRoute;
import io.numicoin.support.problem.ProblemAnswer;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes a token from the caller's bucket for the route's cost class ({@code <key or ip>:<cost>}):
 * allowed requests carry {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} (seconds until the bucket is full); refused ones are 429
 * {@code RATE_LIMITED} with {@code Retry-After} (seconds until a token is there).
 */
public final class RateLimitFilter implements WebFilter, Ordered {

    public static final String RATE_LIMITED = "RATE_LIMITED";

    private final TokenBuckets buckets;
    private final ProblemWriter problems;

    public RateLimitFilter(TokenBuckets buckets, ProblemWriter problems) {
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (RouteAttributes.route(exchange).isEmpty()) {
            return chain.filter(exchange);
        }
        Caller caller = Caller.of(exchange).orElseThrow();
        PublicRoute route = RouteAttributes.route(exchange).orElseThrow();
        Limits.Bucket bucket = caller.limits().bucket(route.cost());
        String key = caller.subject() + ":" + route.cost().name().toLowerCase(Locale.ROOT);
        return buckets.take(key, bucket).flatMap(verdict -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("RateLimit-Limit", Integer.toString(bucket.capacity()));
            headers.set("RateLimit-Remaining", Long.toString(verdict.remaining()));
            headers.set("RateLimit-Reset", Long.toString(seconds(verdict.fullInMillis())));
            headers.set("RateLimit-Policy", bucket.capacity() + ";w=" + seconds((long) Math.ceil(bucket.capacity() / bucket.rate() * 1000)));
            return EventLoops.continueOn(exchange, () -> verdict.allowed() ? chain.filter(exchange) : refuse(exchange, route, verdict));
        });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, PublicRoute route, Verdict verdict) {
        long retry = seconds(verdict.retryAfterMillis());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retry));
        return problems.write(exchange, new ProblemAnswer(429, RATE_LIMITED,
                "too many " + route.cost().name().toLowerCase(Locale.ROOT) + " requests; retry after " + retry + " s",
                Map.of("retryAfterSeconds", retry)));
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    @Override
    public int getOrder() {
        return FilterOrder.RATE_LIMIT;
    }
}
