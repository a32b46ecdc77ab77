package io.numicoin.pool.share;

import java.util.OptionalLong;

/**
 * One connection's difficulty controller. The worker's hash rate over the last period is
 * {@code difficulty * shares / elapsed}; the difficulty that gives one share per target interval
 * is that rate times the interval. A new difficulty is proposed at most once per retarget interval
 * (sooner after {@code fastShares} shares), moves at most {@code maxStep}-fold, stays within
 * [min, max], and changes only when off by more than 25 % (so it does not hunt around the target).
 * Time is passed in (nanoseconds), so the controller is pure.
 */
public final class Vardiff {

    private static final double DEADBAND = 0.25;

    private final VardiffSettings settings;
    private long difficulty;
    private long periodStart;
    private long shares;

    public Vardiff(VardiffSettings settings, long startDifficulty, long nowNanos) {
        this.settings = settings;
        this.difficulty = clamp(startDifficulty);
        this.periodStart = nowNanos;
    }

    public synchronized long difficulty() {
        return difficulty;
    }

    /** An accepted share at {@code nowNanos}; a new difficulty when one is due. */
    public synchronized OptionalLong onShare(long nowNanos) {
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

    private OptionalLong retarget(long nowNanos) {
        double elapsed = Math.max(1, nowNanos - periodStart) / 1e9;
        double target = settings.targetInterval().toNanos() / 1e9;
        // with no share yet, the rate is at most one share per elapsed time
        double ideal = difficulty * Math.max(shares, 1) * target / elapsed;
        double step = Math.max(1 / settings.maxStep(), Math.min(settings.maxStep(), ideal / difficulty));
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
