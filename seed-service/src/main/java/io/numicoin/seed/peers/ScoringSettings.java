package io.numicoin.seed.peers;

import java.time.Duration;
import java.util.Objects;

/**
 * The rules' knobs.
 *
 * @param requiredProtocol the status protocol of this network ({@code /numi/<network>/status/1}): a
 *                         peer that does not announce it is never good
 * @param minHeight a good peer reports at least this height
 * @param allowNonPublic whether loopback and private addresses can be good (the devnet); never in production
 * @param goodInterval how long after an attempt a good peer is crawled again
 * @param retryInterval how long after an attempt any other peer is crawled again; doubled per
 *                      consecutive failure up to {@code maxRetryInterval}
 * @param banBase the first ban of a misbehaving peer; each later ban doubles it, up to {@code banMax}
 */
public record ScoringSettings(
        String requiredProtocol,
        long minHeight,
        boolean allowNonPublic,
        Duration goodInterval,
        Duration retryInterval,
        Duration maxRetryInterval,
        Duration banBase,
        Duration banMax) {

    public ScoringSettings {
        Objects.requireNonNull(requiredProtocol, "requiredProtocol");
        for (Duration d : new Duration[] {goodInterval, retryInterval, maxRetryInterval, banBase, banMax}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("intervals must be positive");
            }
        }
        if (minHeight < 0 || maxRetryInterval.compareTo(retryInterval) < 0 || banMax.compareTo(banBase) < 0) {
            throw new IllegalArgumentException("minHeight not negative; maxima at least their bases");
        }
    }
}
