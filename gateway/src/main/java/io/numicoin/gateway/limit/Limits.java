package io.numicoin.gateway.limit;

import io.numicoin.gateway.route.Cost;

/**
 * The two token buckets of one client: {@code rate} tokens a second up to {@code burst} for
 * standard routes, {@code expensiveRate} up to {@code expensiveBurst} for expensive ones.
 */
public record Limits(double rate, int burst, double expensiveRate, int expensiveBurst) {

    public Limits {
        if (!(rate > 0) || !(expensiveRate > 0) || burst < 1 || expensiveBurst < 1) {
            throw new IllegalArgumentException("limits must be positive: rate " + rate + ", burst " + burst
                    + ", expensive rate " + expensiveRate + ", expensive burst " + expensiveBurst);
        }
    }

    /** The bucket a route of {@code cost} draws from. */
    public Bucket bucket(Cost cost) {
        return cost == Cost.EXPENSIVE ? new Bucket(expensiveRate, expensiveBurst) : new Bucket(rate, burst);
    }

    /** One bucket's refill rate (tokens a second) and capacity. */
    public record Bucket(double rate, int capacity) {
    }
}
