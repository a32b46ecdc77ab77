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
    private volatile boolean answeredOnce;
    private int failedPolls;  // consecutive; only the poller's one subscription writes it

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

    /**
     * Takes one poll's result and returns the health it leaves: an answer counts at once; a failed
     * poll takes the instance out only once {@code failuresToLeave} polls in a row have failed (one
     * slow answer from a busy host does not drop the only mempool), or at once if it never answered.
     */
    Health polled(Health result, int failuresToLeave) {
        if (result.up()) {
            failedPolls = 0;
            answeredOnce = true;
            health = result;
        } else if (++failedPolls >= failuresToLeave || !answeredOnce) {
            health = result;
        }
        return health;
    }

    /** Polls failed in a row since the last answer. */
    int failedPolls() {
        return failedPolls;
    }
}
