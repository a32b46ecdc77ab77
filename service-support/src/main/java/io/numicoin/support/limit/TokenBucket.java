package io.numicoin.support.limit;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled at {@code perSecond}; a request
 * takes its cost or is refused. Time is passed in (nanoseconds from any fixed origin). Thread-safe.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    public TokenBucket(double capacity, double perSecond, long nowNanos) {
        if (capacity <= 0 || perSecond < 0) {
            throw new IllegalArgumentException("capacity must be positive and rate not negative");
        }
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes {@code cost} tokens if the bucket holds them. */
    public synchronized boolean tryTake(double cost, long nowNanos) {
        refill(nowNanos);
        if (tokens < cost) {
            return false;
        }
        tokens -= cost;
        return true;
    }

    public synchronized double available(long nowNanos) {
        refill(nowNanos);
        return tokens;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - last;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            last = nowNanos;
        }
    }
}
