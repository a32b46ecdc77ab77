package io.numicoin.gateway.limit;

/**
 * The token bucket of the in-process limiter, the same arithmetic as {@code token_bucket.lua}: a
 * bucket holds up to {@code capacity} tokens, gains {@code rate} a second, and a request takes one.
 */
final class TokenBucketMath {

    private double tokens;
    private long stampNanos;

    TokenBucketMath(int capacity, long nowNanos) {
        this.tokens = capacity;
        this.stampNanos = nowNanos;
    }

    synchronized Verdict take(Limits.Bucket bucket, long nowNanos) {
        double elapsed = Math.max(0, nowNanos - stampNanos) / 1e9;
        tokens = Math.min(bucket.capacity(), tokens + elapsed * bucket.rate());
        stampNanos = Math.max(stampNanos, nowNanos);
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long retry = allowed ? 0 : (long) Math.ceil((1 - tokens) / bucket.rate() * 1000);
        long full = (long) Math.ceil((bucket.capacity() - tokens) / bucket.rate() * 1000);
        return new Verdict(allowed, (long) Math.floor(tokens), retry, full);
    }

    /** Whether the bucket would be full at {@code nowNanos} (then it is the same as no bucket). */
    synchronized boolean fullAt(Limits.Bucket bucket, long nowNanos) {
        return tokens + Math.max(0, nowNanos - stampNanos) / 1e9 * bucket.rate() >= bucket.capacity();
    }
}
