package io.numicoin.gateway.backend;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.net.URI;

/**
 * One instance of a backend (a node, the mempool, the explorer) with its own circuit breaker,
 * time limiter and bulkhead, and what the last health poll found.
 */
public final class BackendInstance {

    private final String name;
    private final URI uri;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final Bulkhead bulkhead;
    private volatile Health health = Health.UNKNOWN;

    public BackendInstance(String name, URI uri, CircuitBreaker breaker, TimeLimiter timeLimiter, Bulkhead bulkhead) {
        this.name = name;
        this.uri = uri;
        this.breaker = breaker;
        this.timeLimiter = timeLimiter;
        this.bulkhead = bulkhead;
    }

    /**
     * The last poll: reachable or not, and the chain height it reported (-1 when it has none).
     */
    public record Health(boolean up, long height, String detail) {
        static final Health UNKNOWN = new Health(true, -1, "not polled yet");
    }

    public String name() {
        return name;
    }

    public URI uri() {
        return uri;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public TimeLimiter timeLimiter() {
        return timeLimiter;
    }

    public Bulkhead bulkhead() {
        return bulkhead;
    }

    public Health health() {
        return health;
    }

    void health(Health value) {
        this.health = value;
    }
}
