package io.numicoin.miner.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The miner's metrics: {@code numi.miner.hashes} (total), {@code numi.miner.hashrate} (hashes per
 * second over the last sample window), {@code numi.miner.blocks.found}, {@code numi.miner.blocks.stale}
 * (found on a tip that was already outdated), {@code numi.miner.submissions{result, reason}}
 * (accepted with the node's outcome, rejected with the broken rule), {@code numi.miner.work.refreshes{cause}}.
 */
public final class MinerMetrics {

    private final MeterRegistry registry;
    private final LongSupplier hashes;
    private final Counter found;
    private final Counter stale;
    private final AtomicLong hashrateMilli = new AtomicLong();
    private long lastHashes;
    private long lastNanos = System.nanoTime();

    public MinerMetrics(MeterRegistry registry, LongSupplier hashes) {
        this.registry = registry;
        this.hashes = hashes;
        FunctionCounter.builder("numi.miner.hashes", hashes, LongSupplier::getAsLong)
                .description("proof-of-work hashes computed, all threads").register(registry);
        Gauge.builder("numi.miner.hashrate", hashrateMilli, v -> v.get() / 1000.0)
                .description("hashes per second, all threads, over the last sample").register(registry);
        this.found = Counter.builder("numi.miner.blocks.found").description("headers found that meet their target").register(registry);
        this.stale = Counter.builder("numi.miner.blocks.stale").description("blocks found on a tip that was already outdated").register(registry);
    }

    /** Recomputes the hash rate from the hashes since the previous call. */
    public synchronized double sampleHashrate() {
        long now = System.nanoTime();
        long count = hashes.getAsLong();
        double seconds = (now - lastNanos) / 1e9;
        if (seconds > 0) {
            hashrateMilli.set((long) ((count - lastHashes) / seconds * 1000));
        }
        lastHashes = count;
        lastNanos = now;
        return hashrate();
    }

    public double hashrate() {
        return hashrateMilli.get() / 1000.0;
    }

    public void found() {
        found.increment();
    }

    public void stale() {
        stale.increment();
    }

    public void submission(boolean accepted, String outcomeOrRule) {
        Counter.builder("numi.miner.submissions").tag("result", accepted ? "accepted" : "rejected")
                .tag("reason", outcomeOrRule).register(registry).increment();
    }

    /** Work was rebuilt: {@code found} (after a find), {@code tip} (a chain event), {@code template} (better fees or another tip). */
    public void refreshed(String cause) {
        Counter.builder("numi.miner.work.refreshes").tag("cause", cause).register(registry).increment();
    }

    public double refreshCount(String cause) {
        Counter counter = registry.find("numi.miner.work.refreshes").tag("cause", cause).counter();
        return counter == null ? 0 : counter.count();
    }

    public double submissionCount(boolean accepted) {
        return registry.find("numi.miner.submissions").tag("result", accepted ? "accepted" : "rejected").counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    public double foundCount() {
        return found.count();
    }

    public double staleCount() {
        return stale.count();
    }
}
