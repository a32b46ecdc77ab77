package io.numicoin.gateway.route;

/**
 * Which token bucket a route draws from: {@code STANDARD} reads, or {@code EXPENSIVE} routes
 * (transaction submission, address history, search) with a separate, smaller budget.
 */
public enum Cost {
    STANDARD, EXPENSIVE
}
