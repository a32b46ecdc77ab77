package io.numicoin.devnet.load;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of one load phase: submissions and how they were answered, and ticks with no idle account. */
public final class LoadStats {

    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicLong backlogged = new AtomicLong();
    private final AtomicLong resynced = new AtomicLong();

    void count(Answer answer) {
        submitted.incrementAndGet();
        if (answer.accepted()) {
            accepted.incrementAndGet();
        } else if (answer.refused()) {
            refused.incrementAndGet();
        } else {
            unknown.incrementAndGet();
        }
    }

    void tickMissed() {
        backlogged.incrementAndGet();
    }

    void resynced() {
        resynced.incrementAndGet();
    }

    public long submitted() {
        return submitted.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long refused() {
        return refused.get();
    }

    public long unknown() {
        return unknown.get();
    }

    public long backlogged() {
        return backlogged.get();
    }

    /** One progress line: the counts so far and the rates over {@code seconds}. */
    public String line(double seconds) {
        return String.format(Locale.ROOT, "%d submitted (%.1f/s), %d accepted (%.1f/s), %d refused, %d unanswered or 5xx, "
                        + "%d nonce re-reads, %d ticks with every account busy",
                submitted(), submitted() / Math.max(seconds, 1e-3), accepted(), accepted() / Math.max(seconds, 1e-3), refused(),
                unknown(), resynced.get(), backlogged());
    }
}
