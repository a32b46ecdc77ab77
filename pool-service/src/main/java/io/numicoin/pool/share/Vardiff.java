package io.numicoin.pool.share;

import java.util.OptionalLong;

/**
 * One connection's difficulty controller. The worker's hash rate is estimated as ckpool does: an
 * exponentially decaying sum of the difficulty of its accepted shares (time constant three
 * retarget intervals), divided by the decay window it has had time to fill; the difficulty that
 * gives one share per target interval is that rate times the interval. A new difficulty is
 * proposed at most once per retarget interval (sooner after {@code fastShares} shares, so a fast
 * worker climbs quickly from the start difficulty), moves at most {@code maxStep}-fold, stays
 * within [min, max], and changes only when off by more than 25 % (so it does not hunt around the
 * target). A worker with no share for two retarget intervals is divided by {@code maxStep}.
 * Time is passed in (nanoseconds), so the controller is pure.
 */
public final class Vardiff {

    private static final double DEADBAND = 0.25;

    private final VardiffSettings settings;
    private final double tau;
    private final long start;
    private long difficulty;
    private double decayedSum;
    private long lastShare;
    private long periodStart;
    private long shares;

    public Vardiff(VardiffSettings settings, long startDifficulty, long nowNanos) {
        this.settings = settings;
        this.tau = 3.0 * settings.retargetInterval().toNanos();
        this.difficulty = clamp(startDifficulty);
        this.start = nowNanos;
        this.lastShare = nowNanos;
        this.periodStart = nowNanos;
    }

    public synchronized long difficulty() {
        return difficulty;
    }

    /** An accepted share (credited at the current difficulty) at {@code nowNanos}; a new difficulty when one is due. */
    public synchronized OptionalLong onShare(long nowNanos) {
        decayedSum = decayedSum * Math.exp(-(nowNanos - lastShare) / tau) + difficulty;
        lastShare = nowNanos;
        shares++;
        boolean due = shares >= settings.fastShares() || nowNanos - periodStart >= settings.retargetInterval().toNanos();
        return due ? retarget(nowNanos) : OptionalLong.empty();
    }

    /** A timer tick: a worker that stopped sending shares gets a lower difficulty. */
    public synchronized OptionalLong onTick(long nowNanos) {
        return nowNanos - periodStart >= 2 * settings.retargetInterval().toNanos() ? retarget(nowNanos) : OptionalLong.empty();
    }

    /** The worker asked for a difficulty ({@code mining.suggest_difficulty}): taken within the bounds. */
    public synchronized long suggest(long wanted, long nowNanos) {
        difficulty = clamp(wanted);
        periodStart = nowNanos;
        shares = 0;
        return difficulty;
    }

    /** Hashes per second estimated at {@code nowNanos}. */
    public synchronized double hashrate(long nowNanos) {
        double filled = 1 - Math.exp(-Math.max(1, nowNanos - start) / tau);
        return decayedSum * Math.exp(-(nowNanos - lastShare) / tau) / (tau / 1e9 * filled);
    }

    private OptionalLong retarget(long nowNanos) {
        double step;
        if (shares == 0) {
            step = 1 / settings.maxStep();
        } else {
            double ideal = hashrate(nowNanos) * settings.targetInterval().toNanos() / 1e9;
            step = Math.max(1 / settings.maxStep(), Math.min(settings.maxStep(), ideal / difficulty));
        }
        periodStart = nowNanos;
        shares = 0;
        if (Math.abs(step - 1) <= DEADBAND) {
            return OptionalLong.empty();
        }
        long next = clamp(Math.round(difficulty * step));
        if (next == difficulty) {
            return OptionalLong.empty();
        }
        difficulty = next;
        return OptionalLong.of(next);
    }

    private long clamp(long d) {
        return Math.max(settings.minDifficulty(), Math.min(settings.maxDifficulty(), d));
    }
}
