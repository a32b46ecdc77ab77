package io.numicoin.gateway.backend;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.numicoin.gateway.route.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of one backend and which of them take calls: those the last poll found up, whose
 * circuit is not open and, when the backend tracks a chain, at most {@code maxTipLag} blocks
 * behind the highest of them. Calls go round-robin over those.
 */
public final class BackendPool {

    private final Backend backend;
    private final List<BackendInstance> instances;
    private final boolean tracksTip;
    private final long maxTipLag;
    private final boolean required;
    private final AtomicInteger next = new AtomicInteger();

    public BackendPool(Backend backend, List<BackendInstance> instances, boolean tracksTip, long maxTipLag, boolean required) {
        if (instances.isEmpty() && required) {
            throw new IllegalArgumentException(backend + " is required but has no instance");
        }
        this.backend = backend;
        this.instances = List.copyOf(instances);
        this.tracksTip = tracksTip;
        this.maxTipLag = maxTipLag;
        this.required = required;
    }

    public Backend backend() {
        return backend;
    }

    public List<BackendInstance> instances() {
        return instances;
    }

    public boolean tracksTip() {
        return tracksTip;
    }

    public boolean required() {
        return required;
    }

    /** The instances in rotation now. */
    public List<BackendInstance> eligible() {
        long best = bestHeight();
        List<BackendInstance> eligible = new ArrayList<>(instances.size());
        for (BackendInstance instance : instances) {
            if (inRotation(instance, best)) {
                eligible.add(instance);
            }
        }
        return eligible;
    }

    /** The next instance in rotation whose circuit lets a call through, if any (on every routed call: no streams). */
    public Optional<BackendInstance> pick() {
        List<BackendInstance> candidates = instances.size() == 1 ? singleCandidate() : eligible();
        int n = candidates.size();
        if (n == 0) {
            return Optional.empty();
        }
        int start = Math.floorMod(next.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            BackendInstance candidate = candidates.get((start + i) % n);
            if (candidate.breaker().getState() != CircuitBreaker.State.OPEN) {
                return Optional.of(candidate);
            }
        }
        return Optional.of(candidates.get(start));
    }

    private List<BackendInstance> singleCandidate() {
        return instances.getFirst().health().up() ? instances : List.of();
    }

    private boolean inRotation(BackendInstance instance, long best) {
        BackendInstance.Health health = instance.health();
        return health.up() && (!tracksTip || best < 0 || health.height() >= best - maxTipLag);
    }

    private long bestHeight() {
        long best = -1;
        for (BackendInstance instance : instances) {
            BackendInstance.Health health = instance.health();
            if (health.up()) {
                best = Math.max(best, health.height());
            }
        }
        return best;
    }
}
