package io.numicoin.explorer.stats;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One value recomputed at most once per {@code ttl}, however many clients ask: what bounds an
 * aggregate over the whole mempool that anyone may request. Callers that arrive while it is being
 * recomputed wait for that result instead of computing it again.
 */
final class Memo<T> {

    private final Supplier<T> compute;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private T value;
    private long computedAt;
    private boolean present;

    Memo(Supplier<T> compute, Duration ttl, LongSupplier nanoClock) {
        this.compute = compute;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    synchronized T get() {
        long now = nanoClock.getAsLong();
        if (!present || now - computedAt >= ttlNanos) {
            value = compute.get();
            computedAt = nanoClock.getAsLong();
            present = true;
        }
        return value;
    }
}
