package io.numicoin.gateway.web;

import io.numicoin.gateway.client.Caller;
import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.limit.TokenBuckets;
import io.numicoin.gateway.limit.Verdict;
import io.numicoin.gateway.route.PublicRoute;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes a token from the caller's bucket for the route's cost class ({@code <key or ip>:<cost>}):
 * every answer carries the {@code RateLimit-*} headers, a refusal is 429 {@code RATE_LIMITED} with
 * {@code Retry-After} ({@link RateLimitHeaders}).
 */
public final class RateLimitFilter implements WebFilter, Ordered {

    public static final String RATE_LIMITED = RateLimitHeaders.RATE_LIMITED;

    private final TokenBuckets buckets;
    private final ProblemWriter problems;

    public RateLimitFilter(TokenBuckets buckets, ProblemWriter problems) {
        this.buckets = buckets;
        this.problems = problems;
    }

    /** The bucket key of {@code caller} for routes of {@code route}'s cost class. */
    public static String bucketKey(Caller caller, PublicRoute route) {
        return caller.subject() + ":" + route.cost().id();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (RouteAttributes.route(exchange).isEmpty()) {
            return chain.filter(exchange);
        }
        Caller caller = Caller.of(exchange).orElseThrow();
        PublicRoute route = RouteAttributes.route(exchange).orElseThrow();
        Limits.Bucket bucket = caller.limits().bucket(route.cost());
        return buckets.take(bucketKey(caller, route), bucket).flatMap(verdict -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            RateLimitHeaders.apply(bucket, verdict, headers::set);
            return EventLoops.continueOn(exchange, () -> verdict.allowed() ? chain.filter(exchange) : refuse(exchange, route, verdict));
        });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, PublicRoute route, Verdict verdict) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RateLimitHeaders.retryAfterSeconds(verdict)));
        return problems.write(exchange, RateLimitHeaders.refusal(route, verdict));
    }

    @Override
    public int getOrder() {
        return FilterOrder.RATE_LIMIT;
    }
}
