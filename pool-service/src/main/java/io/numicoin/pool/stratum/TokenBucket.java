package io.numicoin.pool.stratum;

/** A rate limit: {@code rate} tokens a second, at most {@code burst} saved up. Time is passed in. */
final class TokenBucket {

    private final double rate;
    private final double burst;
    private double tokens;
    private long last;

    TokenBucket(double rate, int burst, long nowNanos) {
        this.rate = rate;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    synchronized boolean take(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) / 1e9 * rate);
        last = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
