package io.numicoin.gateway.backend;

import io.numicoin.gateway.route.Backend;
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
        long best = instances.stream().filter(i -> i.health().up()).mapToLong(i -> i.health().height()).max().orElse(-1);
        return instances.stream().filter(i -> i.health().up())
                .filter(i -> !tracksTip || best < 0 || i.health().height() >= best - maxTipLag)
                .toList();
    }

    /** The next instance in rotation whose circuit lets a call through, if any. */
    public Optional<BackendInstance> pick() {
        List<BackendInstance> candidates = eligible();
        int n = candidates.size();
        int start = Math.floorMod(next.getAndIncrement(), Math.max(n, 1));
        for (int i = 0; i < n; i++) {
            BackendInstance candidate = candidates.get((start + i) % n);
            if (candidate.breaker().getState() != io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN) {
                return Optional.of(candidate);
            }
        }
        return n == 0 ? Optional.empty() : Optional.of(candidates.get(start));
    }
}
