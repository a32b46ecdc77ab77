package io.numicoin.pool.payout;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs a {@link PayoutJob} round every interval; a failed round (node away) is logged and retried next time. */
public final class PayoutScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PayoutScheduler.class);

    private final PayoutJob job;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public PayoutScheduler(PayoutJob job, Duration interval) {
        this.job = job;
        this.interval = interval;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("pool-payouts").factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                job.round();
            } catch (RuntimeException e) {
                log.warn("payout round failed: {}", e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
