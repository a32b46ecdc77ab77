package io.numicoin.seed.peers;

/**
 * An exponentially decaying record of crawl results over one time constant {@code tau}, as
 * bitcoin-seeder keeps its {@code CAddrStat}: each new result first decays what is known by
 * {@code f = exp(-age / tau)} ({@code age} = seconds since the previous attempt), then adds itself.
 *
 * @param reliability the decayed share of successes, in [0, 1]
 * @param count the decayed number of attempts
 * @param weight the decayed weight of what is known, in [0, 1): {@code reliability − weight + 1}
 *               is the reliability with unknown time counted as success (the ban rules use it)
 */
public record ReliabilityWindow(double reliability, double count, double weight) {

    public static final ReliabilityWindow EMPTY = new ReliabilityWindow(0, 0, 0);

    public ReliabilityWindow {
        if (!(reliability >= 0 && reliability <= 1 && count >= 0 && weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("reliability and weight in [0, 1], count not negative");
        }
    }

    /** This window after one more attempt {@code ageSeconds} after the previous one. */
    public ReliabilityWindow update(boolean success, long ageSeconds, long tauSeconds) {
        double f = Math.exp(-(double) Math.max(0, ageSeconds) / tauSeconds);
        return new ReliabilityWindow(
                Math.min(1, reliability * f + (success ? 1 - f : 0)),
                count * f + 1,
                Math.min(1, weight * f + (1 - f)));
    }

    /** Reliability with the part of the window not yet covered counted as success (bitcoin-seeder's ban measure). */
    public double optimistic() {
        return reliability - weight + 1;
    }
}
