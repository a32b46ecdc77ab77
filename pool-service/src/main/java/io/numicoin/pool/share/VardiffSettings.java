package io.numicoin.pool.share;

import java.time.Duration;

/**
 * Variable difficulty toward one share per {@code targetInterval} per connection.
 *
 * @param retargetInterval least time between two adjustments (unless {@code fastShares} arrive first)
 * @param fastShares this many shares since the last adjustment trigger one at once
 * @param maxStep one adjustment multiplies or divides by at most this
 */
public record VardiffSettings(Duration targetInterval, Duration retargetInterval, int fastShares, long minDifficulty,
        long maxDifficulty, double maxStep) {

    public VardiffSettings {
        if (targetInterval.isNegative() || targetInterval.isZero() || retargetInterval.isNegative() || retargetInterval.isZero()) {
            throw new IllegalArgumentException("vardiff intervals must be positive");
        }
        if (minDifficulty < 1 || maxDifficulty < minDifficulty || maxStep <= 1 || fastShares < 1) {
            throw new IllegalArgumentException("vardiff: need 1 <= min <= max, max-step > 1, fast-shares >= 1");
        }
    }
}
