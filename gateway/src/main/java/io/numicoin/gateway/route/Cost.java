package io.numicoin.gateway.route;

/**
 * Which token bucket a route draws from: {@code STANDARD} reads, or {@code EXPENSIVE} routes
 * (transaction submission, address history, search) with a separate, smaller budget.
 */
public enum Cost {
    STANDARD, EXPENSIVE;

    private final String id = name().toLowerCase(java.util.Locale.ROOT);

    /** The lower-case name, as in bucket keys and problem details. */
    public String id() {
        return id;
    }
}
