package io.numicoin.mempool.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * The mempool's policy (not consensus): sizes, fees and ages.
 *
 * @param maxBytes sum of encoded sizes the pool holds (default 300 MB)
 * @param maxFutureNonces how far past the next expected nonce a transaction may wait for its gap to fill
 * @param maxPerSenderCount pending transactions per sender
 * @param maxPerSenderBytes pending bytes per sender
 * @param minFeeRate the static floor, base units per 1,000 bytes; also the increment added to the
 *     rolling minimum after an eviction
 * @param replacementBumpPercent a replacement pays at least this much more fee and fee rate
 * @param maxAge a transaction older than this leaves the pool (EXPIRED)
 * @param minFeeHalfLife the rolling minimum fee rate halves in this time
 */
public record PoolLimits(
        long maxBytes, int maxFutureNonces, int maxPerSenderCount, long maxPerSenderBytes,
        long minFeeRate, int replacementBumpPercent, Duration maxAge, Duration minFeeHalfLife) {

    public static final PoolLimits DEFAULTS = new PoolLimits(300_000_000L, 16, 64, 1024 * 1024, 1000, 10,
            Duration.ofDays(14), Duration.ofHours(12));

    public PoolLimits {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(minFeeHalfLife, "minFeeHalfLife");
        if (maxBytes <= 0 || maxFutureNonces < 0 || maxPerSenderCount <= 0 || maxPerSenderBytes <= 0
                || minFeeRate < 0 || replacementBumpPercent < 0 || minFeeHalfLife.isZero() || minFeeHalfLife.isNegative()) {
            throw new IllegalArgumentException("invalid pool limits: " + maxBytes + "/" + maxFutureNonces);
        }
    }

    public PoolLimits withMaxBytes(long bytes) {
        return new PoolLimits(bytes, maxFutureNonces, maxPerSenderCount, maxPerSenderBytes, minFeeRate,
                replacementBumpPercent, maxAge, minFeeHalfLife);
    }

    public PoolLimits withPerSender(int count, long bytes) {
        return new PoolLimits(maxBytes, maxFutureNonces, count, bytes, minFeeRate,
                replacementBumpPercent, maxAge, minFeeHalfLife);
    }
}
