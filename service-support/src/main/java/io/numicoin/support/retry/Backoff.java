package io.numicoin.support.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * A bounded exponential backoff: {@code initial}, doubling after each failure up to {@code max};
 * reset on success. Not thread-safe: one per retrying loop.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;
    private int failures;

    public Backoff(Duration initial, Duration max) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.next = initial;
    }

    /** The delay before the next attempt; doubles the one after (capped). */
    public Duration failed() {
        failures++;
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    public void succeeded() {
        failures = 0;
        next = initial;
    }

    /** Consecutive failures since the last success. */
    public int failures() {
        return failures;
    }
}
