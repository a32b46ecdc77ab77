package io.numicoin.gateway.backend;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.numicoin.gateway.backend.BackendUnavailableException.Reason;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A call the gateway makes itself (transaction submission), guarded like a routed one: one
 * instance in rotation, its bulkhead, circuit breaker and time limiter, failures as
 * {@link BackendUnavailableException}. Never retried: it is a write.
 */
public final class GuardedCall {

    private GuardedCall() {
    }

    public static <T> Mono<T> on(BackendPool pool, Function<BackendInstance, Mono<T>> call) {
        return Mono.defer(() -> {
            BackendInstance instance = pool.pick().orElse(null);
            if (instance == null) {
                return Mono.error(new BackendUnavailableException(pool.backend(), Reason.UNAVAILABLE, "no instance in rotation", null));
            }
            return call.apply(instance)
                    .transformDeferred(TimeLimiterOperator.of(instance.timeLimiter()))
                    .transformDeferred(CircuitBreakerOperator.of(instance.breaker()))
                    .transformDeferred(BulkheadOperator.of(instance.bulkhead()))
                    .onErrorMap(e -> !(e instanceof BackendUnavailableException), e -> switch (e) {
                        case CallNotPermittedException c -> new BackendUnavailableException(pool.backend(), Reason.UNAVAILABLE,
                                instance.name() + "'s circuit is open", e);
                        case BulkheadFullException b -> new BackendUnavailableException(pool.backend(), Reason.BUSY,
                                instance.name() + " has too many calls in flight", e);
                        case TimeoutException t -> new BackendUnavailableException(pool.backend(), Reason.TIMEOUT,
                                instance.name() + " did not answer in time", e);
                        default -> new BackendUnavailableException(pool.backend(), Reason.UNAVAILABLE,
                                instance.name() + " failed: " + FailureText.of(e), e);
                    });
        });
    }
}
