package io.numicoin.gateway.backend;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.numicoin.gateway.backend.BackendUnavailableException.Reason;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Sends a routed call to an instance of its backend: picks one in rotation, points the request at
 * it and guards the call with that instance's bulkhead, circuit breaker and time limiter (up to the
 * answer's headers). An idempotent read that fails before any byte of the answer went out is tried
 * again (on the next instance, if there are several), up to {@code attempts}; a write never is.
 * Every failure ends as a {@link BackendUnavailableException}: a fast 503, never a hang.
 */
public final class BackendCallFilter implements GatewayFilter, Ordered {

    /** After the route's URL is set, before the Netty routing filter sends the request. */
    public static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 100;

    private final BackendPool pool;
    private final int attempts;

    public BackendCallFilter(BackendPool pool, int attempts) {
        this.pool = pool;
        this.attempts = attempts;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI routed = exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR);
        Mono<Void> call = Mono.defer(() -> attempt(exchange, chain, routed));
        if (attempts > 1 && idempotent(exchange)) {
            call = call.retryWhen(Retry.max(attempts - 1)
                    .filter(e -> e instanceof BackendUnavailableException b && b.reason() != Reason.BUSY
                            && !exchange.getResponse().isCommitted())
                    .doBeforeRetry(signal -> {
                        ServerWebExchangeUtils.reset(exchange);
                        ServerWebExchangeUtils.removeAlreadyRouted(exchange);
                    })
                    .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
        }
        return call;
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, URI routed) {
        BackendInstance instance = pool.pick().orElse(null);
        if (instance == null) {
            return Mono.error(new BackendUnavailableException(pool.backend(), Reason.UNAVAILABLE,
                    "no " + name() + " instance is in rotation", null));
        }
        URI target = UriComponentsBuilder.fromUri(routed).scheme(instance.uri().getScheme())
                .host(instance.uri().getHost()).port(instance.uri().getPort()).build(true).toUri();
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, target);
        return chain.filter(exchange)
                .transformDeferred(TimeLimiterOperator.of(instance.timeLimiter()))
                .transformDeferred(CircuitBreakerOperator.of(instance.breaker()))
                .transformDeferred(BulkheadOperator.of(instance.bulkhead()))
                .onErrorMap(e -> !(e instanceof BackendUnavailableException), e -> translate(instance, e));
    }

    private BackendUnavailableException translate(BackendInstance instance, Throwable e) {
        return switch (e) {
            case CallNotPermittedException c -> new BackendUnavailableException(pool.backend(), Reason.UNAVAILABLE,
                    instance.name() + "'s circuit is open", e);
            case BulkheadFullException b -> new BackendUnavailableException(pool.backend(), Reason.BUSY,
                    instance.name() + " has too many calls in flight", e);
            case TimeoutException t -> new BackendUnavailableException(pool.backend(), Reason.TIMEOUT,
                    instance.name() + " did not answer in time", e);
            case IOException io -> new BackendUnavailableException(pool.backend(), Reason.UNAVAILABLE,
                    instance.name() + " is unreachable: " + io.getClass().getSimpleName(), e);
            default -> e.getCause() instanceof IOException io ? new BackendUnavailableException(pool.backend(),
                    Reason.UNAVAILABLE, instance.name() + " is unreachable: " + io.getClass().getSimpleName(), e)
                    : new BackendUnavailableException(pool.backend(), Reason.UNAVAILABLE, instance.name() + " failed", e);
        };
    }

    private String name() {
        return pool.backend().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean idempotent(ServerWebExchange exchange) {
        var method = exchange.getRequest().getMethod();
        return method == org.springframework.http.HttpMethod.GET || method == org.springframework.http.HttpMethod.HEAD;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
