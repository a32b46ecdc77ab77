package io.numicoin.pool.work;

import io.numicoin.miner.assembly.BlockTemplate;
import io.numicoin.miner.job.WorkSource;
import io.numicoin.miner.mining.Work;
import io.numicoin.miner.upstream.UpstreamException;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.support.retry.Backoff;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the {@link JobBook} current: asks the mempool for a template every {@code poll} (or at
 * once on {@link #wake}, called for a new tip or a found block) and publishes a job when the
 * template is on another tip (clean) or pays more fees (not clean). Work is built by the miner's
 * {@link WorkSource} (template, parent headers, state commitment from the node's proposal call).
 */
public final class JobRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRefresher.class);
    /** After a block the mempool follows the node a moment later: this many quick retries are not an outage. */
    static final int QUICK_TIP_RETRIES = 10;
    static final Duration QUICK_RETRY = Duration.ofMillis(100);

    private final WorkSource source;
    private final JobBook book;
    private final Duration poll;
    private final Backoff backoff;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() << 8);
    private final AtomicLong failures = new AtomicLong();
    private int tipMoves;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile String lastFailure = "";

    public JobRefresher(WorkSource source, JobBook book, Duration poll, Duration backoffInitial, Duration backoffMax) {
        this.source = source;
        this.book = book;
        this.poll = poll;
        this.backoff = new Backoff(backoffInitial, backoffMax);
    }

    /** Look for new work now (a new tip, or a block the pool just found). */
    public void wake() {
        wake.release();
    }

    /** Called for a chain event: a tip other than the current job's parent refreshes at once. */
    public void tipChanged(Hash256 tip, long height) {
        PoolJob job = book.current().orElse(null);
        if (job == null || !job.parentId().equals(tip)) {
            wake();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("pool-jobs").start(this::loop);
    }

    private void loop() {
        while (running) {
            Duration wait = poll;
            try {
                refresh();
                backoff.succeeded();
                failures.set(0);
                tipMoves = 0;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (e instanceof UpstreamException u && u.reason() == UpstreamException.Reason.TIP_MOVED && ++tipMoves <= QUICK_TIP_RETRIES) {
                    // the template is on the tip before the one the node just connected (the node's proposal
                    // call answers 409): the mempool is a moment behind, not away
                    log.debug("template on an old tip, retrying: {}", e.getMessage());
                    wait = QUICK_RETRY;
                } else {
                    tipMoves = 0;
                    failures.incrementAndGet();
                    lastFailure = String.valueOf(e.getMessage());
                    wait = backoff.failed();
                    log.warn("no new job ({} failures in a row), retrying in {} ms: {}", failures.get(), wait.toMillis(), e.getMessage());
                }
            }
            try {
                wake.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One round: a new job when the template moved to another tip or pays more. */
    void refresh() {
        BlockTemplate template = source.template();
        PoolJob current = book.current().orElse(null);
        boolean newTip = current == null || !current.parentId().equals(template.tipId());
        if (!newTip && template.fees().compareTo(current.work().fees()) <= 0) {
            return;
        }
        Block block = source.build(template);
        long seq = sequence.incrementAndGet();
        PoolJob job = PoolJob.of(seq, new Work(seq, block, template.fees()), newTip);
        book.publish(job);
        log.info("job {} at height {} ({} transfers, fees {}){}", job.id(), job.height(), template.transactions().size(),
                template.fees(), newTip ? ", clean" : "");
    }

    /** Consecutive failed rounds (0 while work flows) and the last failure's message. */
    public long failures() {
        return failures.get();
    }

    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
