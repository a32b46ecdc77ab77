package io.numicoin.miner.job;

import java.time.Duration;

/** A bounded exponential backoff: {@code initial}, doubling after each failure up to {@code max}; reset on success. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;
    private int failures;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay before the next attempt; doubles the one after (capped). */
    Duration failed() {
        failures++;
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    void succeeded() {
        failures = 0;
        next = initial;
    }

    int failures() {
        return failures;
    }
}
