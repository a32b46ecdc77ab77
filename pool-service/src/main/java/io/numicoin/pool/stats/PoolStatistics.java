package io.numicoin.pool.stats;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.pool.share.ShareVerdict;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares accepted, stale and invalid, and hash rate per worker and for the pool (in memory, since
 * the process started), with the same counts as Prometheus metrics. Workers silent for longer than
 * the hash-rate window are forgotten (bounded by the workers actually mining).
 */
public final class PoolStatistics {

    /** A worker's figures for the API and the page. */
    public record WorkerView(String address, String worker, double hashrate, long accepted, long stale, long invalid) {
    }

    /** The pool's figures. */
    public record PoolView(double hashrate, long accepted, long stale, long invalid, long blocksSubmitted, long blocksRejected,
            int workers) {
    }

    private static final int MAX_WORKERS = 100_000;

    private final int windowMinutes;
    private final Clock clock;
    private final Map<String, WorkerStats> workers = new ConcurrentHashMap<>();
    private final WorkerStats pool;
    private final Counter accepted;
    private final Counter acceptedDifficulty;
    private final Counter stale;
    private final Map<ShareVerdict, Counter> refused = new ConcurrentHashMap<>();
    private final Counter blocksSubmitted;
    private final Counter blocksRejected;
    private final MeterRegistry registry;

    public PoolStatistics(MeterRegistry registry, Clock clock, int windowMinutes) {
        this.registry = registry;
        this.clock = clock;
        this.windowMinutes = windowMinutes;
        this.pool = new WorkerStats(windowMinutes);
        this.accepted = Counter.builder("numi.pool.shares").tag("result", "accepted").register(registry);
        this.acceptedDifficulty = Counter.builder("numi.pool.shares.difficulty").description("sum of accepted shares' difficulty (hashes)")
                .register(registry);
        this.stale = Counter.builder("numi.pool.shares").tag("result", "stale").register(registry);
        this.blocksSubmitted = Counter.builder("numi.pool.blocks").tag("result", "submitted").register(registry);
        this.blocksRejected = Counter.builder("numi.pool.blocks").tag("result", "rejected").register(registry);
        registry.gauge("numi.pool.hashrate", this, s -> s.pool().hashrate());
    }

    public void accepted(String address, String worker, long difficulty) {
        long now = clock.millis();
        WorkerStats w = worker(address, worker);
        w.accepted.incrementAndGet();
        w.add(difficulty, now);
        pool.accepted.incrementAndGet();
        pool.add(difficulty, now);
        accepted.increment();
        acceptedDifficulty.increment(difficulty);
    }

    public void refused(String address, String worker, ShareVerdict verdict) {
        WorkerStats w = worker(address, worker);
        if (verdict == ShareVerdict.STALE) {
            w.stale.incrementAndGet();
            pool.stale.incrementAndGet();
            stale.increment();
            return;
        }
        w.invalid.incrementAndGet();
        pool.invalid.incrementAndGet();
        refused.computeIfAbsent(verdict, v -> Counter.builder("numi.pool.shares.invalid").tag("reason", v.name())
                .register(registry)).increment();
    }

    public void blockFound(boolean accepted) {
        (accepted ? blocksSubmitted : blocksRejected).increment();
    }

    private WorkerStats worker(String address, String worker) {
        String key = address + "." + worker;
        WorkerStats w = workers.get(key);
        if (w == null) {
            if (workers.size() >= MAX_WORKERS) {
                forgetIdle();
            }
            w = workers.computeIfAbsent(key, k -> new WorkerStats(windowMinutes));
        }
        return w;
    }

    private void forgetIdle() {
        long cutoff = clock.millis() - windowMinutes * 60_000L;
        workers.values().removeIf(w -> w.lastShareMillis < cutoff);
    }

    public PoolView pool() {
        long now = clock.millis();
        return new PoolView(pool.hashrate(now), pool.accepted.get(), pool.stale.get(), pool.invalid.get(),
                (long) blocksSubmitted.count(), (long) blocksRejected.count(), workers.size());
    }

    /** Every worker, or those of one payout address. */
    public Map<String, WorkerView> workers(String address) {
        long now = clock.millis();
        Map<String, WorkerView> views = new TreeMap<>();
        workers.forEach((key, w) -> {
            int dot = key.lastIndexOf('.');
            String a = key.substring(0, dot);
            if (address == null || address.equals(a)) {
                views.put(key, new WorkerView(a, key.substring(dot + 1), w.hashrate(now), w.accepted.get(), w.stale.get(),
                        w.invalid.get()));
            }
        });
        return views;
    }
}
