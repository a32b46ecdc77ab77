package io.numicoin.miner.job;

import io.numicoin.miner.assembly.BlockTemplate;
import io.numicoin.miner.assembly.TemplateRejectedException;
import io.numicoin.miner.mining.FoundBlock;
import io.numicoin.miner.mining.MiningEngine;
import io.numicoin.miner.mining.Work;
import io.numicoin.miner.status.MinerMetrics;
import io.numicoin.miner.status.MinerStatus;
import io.numicoin.miner.upstream.BlockSubmitter;
import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.miner.upstream.UpstreamException;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.support.retry.Backoff;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The mining loop, on its own thread: get a template, build the block, hand it to the
 * {@link MiningEngine}, then wait for one of: a found block (submit it to the node, start over), a
 * new tip ({@link #tipChanged}, from {@code numi.chain.v1}: start over), or the poll interval (ask
 * the mempool again; rebuild when the tip differs or the fees are higher). Any failure pauses the
 * threads, sets the health to DOWN with the reason, and retries after a doubling backoff — except
 * a few tip moves in a row (node and mempool briefly on different tips), retried after 100 ms.
 */
public final class MiningJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MiningJob.class);

    private sealed interface Signal {
    }

    private record Found(FoundBlock found) implements Signal {
    }

    private record TipChanged(Hash256 tipId, long height) implements Signal {
    }

    /** Tip moves in a row retried quickly (without backing off or reporting DOWN). */
    private static final int QUICK_TIP_RETRIES = 5;
    private static final Duration QUICK_RETRY = Duration.ofMillis(100);

    private final WorkSource builder;
    private final BlockSubmitter node;
    private final MiningEngine engine;
    private final MinerStatus status;
    private final MinerMetrics metrics;
    private final Duration templatePoll;
    private final Backoff backoff;
    private final BlockPacing pacing;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final AtomicReference<Hash256> latestTip = new AtomicReference<>();
    private final AtomicLong tipEvents = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();
    private volatile Thread thread;
    private volatile boolean running;
    private int tipMoves;

    public MiningJob(WorkSource builder, BlockSubmitter node, MiningEngine engine, MinerStatus status, MinerMetrics metrics,
            Duration templatePoll, Duration backoffInitial, Duration backoffMax) {
        this(builder, node, engine, status, metrics, templatePoll, backoffInitial, backoffMax, BlockPacing.NONE);
    }

    public MiningJob(WorkSource builder, BlockSubmitter node, MiningEngine engine, MinerStatus status, MinerMetrics metrics,
            Duration templatePoll, Duration backoffInitial, Duration backoffMax, BlockPacing pacing) {
        this.builder = builder;
        this.node = node;
        this.engine = engine;
        this.status = status;
        this.metrics = metrics;
        this.templatePoll = templatePoll;
        this.backoff = new Backoff(backoffInitial, backoffMax);
        this.pacing = pacing;
    }

    /** For the engine: a header met its target. */
    public void blockFound(FoundBlock found) {
        signals.add(new Found(found));
    }

    /** A new active tip (from {@code numi.chain.v1}): the current work is outdated unless it builds on it. */
    public void tipChanged(Hash256 tipId, long height) {
        latestTip.set(tipId);
        tipEvents.incrementAndGet();
        signals.add(new TipChanged(tipId, height));
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("mining-job").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        engine.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                BlockTemplate template = builder.template();
                long tipEventsBefore = tipEvents.get();
                Work work = newWork(template);
                backoff.succeeded();
                tipMoves = 0;
                waitOnWork(work, tipEventsBefore);
            } catch (UpstreamException | TemplateRejectedException e) {
                failed(e);
            } catch (RuntimeException e) {
                log.error("mining round failed unexpectedly", e);
                failed(e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Work newWork(BlockTemplate template) {
        Block block = builder.build(template);
        Work work = new Work(generation.incrementAndGet(), block, template.fees());
        engine.mine(work);
        status.mining(work.height(), work.parentId().toString());
        log.info("mining block {} on {} with {} transfers, fees {} units, target {}", work.height(), work.parentId(),
                template.transactions().size(), template.fees().units(), block.header().target());
        return work;
    }

    /** Waits for a reason to leave this work; returns when new work is needed. */
    private void waitOnWork(Work work, long tipEventsBefore) throws InterruptedException {
        long pollNanos = templatePoll.toNanos();
        long deadline = System.nanoTime() + pollNanos;
        while (running) {
            Signal signal = signals.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            metrics.sampleHashrate();
            switch (signal) {
                case null -> {
                    BlockTemplate better = builder.template();
                    if (!better.tipId().equals(work.parentId()) || better.fees().compareTo(work.fees()) > 0) {
                        log.info("refreshing work: template on {} with fees {} (mining on {} with fees {})",
                                better.tipId(), better.fees().units(), work.parentId(), work.fees().units());
                        metrics.refreshed("template");
                        return;
                    }
                    deadline = System.nanoTime() + pollNanos;
                }
                case TipChanged tip -> {
                    if (!tip.tipId().equals(work.parentId())) {
                        log.info("new tip {} at {}: refreshing work", tip.tipId(), tip.height());
                        engine.pause();
                        metrics.refreshed("tip");
                        return;
                    }
                }
                case Found found -> {
                    if (found.found().work() == work) {
                        long foundNanos = System.nanoTime();
                        submit(found.found(), tipEventsBefore);
                        metrics.refreshed("found");
                        sleep(pacing.pauseAfter(work.height(), foundNanos, System.nanoTime()));
                        return;
                    }
                }
            }
        }
    }

    /**
     * Submits a found block, unless a chain event since its work was built named another tip
     * (stale: counted, not submitted). Events from before the work was built do not count: the
     * work was built on the node's tip at that time, which is fresher than a lagging event.
     */
    private void submit(FoundBlock found, long tipEventsBefore) {
        metrics.found();
        Block block = found.block();
        Hash256 id = BlockHeaderCodec.id(block.header());
        Hash256 tip = latestTip.get();
        if (tipEvents.get() > tipEventsBefore && tip != null && !tip.equals(found.work().parentId())) {
            metrics.stale();
            log.info("found block {} at {} on outdated tip {} (tip is {}): stale, not submitted", id, block.height(),
                    found.work().parentId(), tip);
            return;
        }
        NodeClient.SubmitResult result = node.submit(block);
        metrics.submission(result.accepted(), result.outcomeOrRule());
        if (result.accepted()) {
            if (result.outcomeOrRule().equals("SIDE_BRANCH")) {
                metrics.stale();
            }
            log.info("found block {} at {} (nonce {}): node says {}", id, block.height(), block.header().nonce(), result.outcomeOrRule());
        } else {
            log.warn("found block {} at {}: node rejected it: {} ({})", id, block.height(), result.outcomeOrRule(), result.detail());
        }
    }

    private void failed(RuntimeException e) {
        engine.pause();
        if (!running) {
            return;  // stopping: the interrupt ended the call, nothing failed
        }
        if (e instanceof UpstreamException u && u.reason() == UpstreamException.Reason.TIP_MOVED && ++tipMoves <= QUICK_TIP_RETRIES) {
            // the node and the mempool disagree for a moment after every block: not an outage
            log.info("tip moved while building work, retrying: {}", e.getMessage());
            sleep(QUICK_RETRY);
            return;
        }
        tipMoves = 0;
        String upstream = e instanceof UpstreamException u ? upstreamOf(u) : "miner";
        Duration delay = backoff.failed();
        status.retrying(upstream, e.getMessage(), backoff.failures());
        log.warn("no work ({} failures in a row), retrying in {} ms: {}", backoff.failures(), delay.toMillis(), e.getMessage());
        sleep(delay);
    }

    private void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String upstreamOf(UpstreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("mempool")) {
            return "mempool";
        }
        return message.startsWith("node") || e.reason() == UpstreamException.Reason.TIP_MOVED ? "node" : "unknown";
    }
}
