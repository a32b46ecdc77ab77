package io.numicoin.gateway.limit;

/**
 * The token bucket of the in-process limiter, the same arithmetic as {@code token_bucket.lua}: a
 * bucket holds up to {@code capacity} tokens, gains {@code rate} a second, and a request takes one
 * (a lease several).
 */
final class TokenBucketMath {

    private double tokens;
    private long stampNanos;

    TokenBucketMath(int capacity, long nowNanos) {
        this.tokens = capacity;
        this.stampNanos = nowNanos;
    }

    /** As many whole tokens as the bucket holds, up to {@code n}. */
    synchronized Grant takeUpTo(Limits.Bucket bucket, long nowNanos, int n) {
        double elapsed = Math.max(0, nowNanos - stampNanos) / 1e9;
        tokens = Math.min(bucket.capacity(), tokens + elapsed * bucket.rate());
        stampNanos = Math.max(stampNanos, nowNanos);
        int granted = (int) Math.max(0, Math.min(n, Math.floor(tokens)));
        tokens -= granted;
        long retry = granted > 0 ? 0 : (long) Math.ceil((1 - tokens) / bucket.rate() * 1000);
        long full = (long) Math.ceil((bucket.capacity() - tokens) / bucket.rate() * 1000);
        return new Grant(granted, (long) Math.floor(tokens), retry, full);
    }

    /** Whether the bucket would be full at {@code nowNanos} (then it is the same as no bucket). */
    synchronized boolean fullAt(Limits.Bucket bucket, long nowNanos) {
        return tokens + Math.max(0, nowNanos - stampNanos) / 1e9 * bucket.rate() >= bucket.capacity();
    }
}
