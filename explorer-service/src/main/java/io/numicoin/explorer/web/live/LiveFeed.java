package io.numicoin.explorer.web.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The read model's changes as a stream every live page shares: {@link #poll} (called every
 * {@code numi.web.live-poll} by one thread) reads the tip and the mempool's fingerprint, and
 * publishes a {@link LiveUpdate} when either changed. The cost is two small queries a period
 * whatever the number of browsers; what a browser is told is what the pages and the API serve
 * at that moment (the read model, after the indexer's commit), never an event it has not applied.
 */
public final class LiveFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final LiveReadModel readModel;
    private final Sinks.Many<LiveUpdate.Tip> tips = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<LiveUpdate.Mempool> mempools = Sinks.many().multicast().directBestEffort();
    private volatile LiveUpdate.Tip tip;
    private volatile LiveUpdate.Mempool mempool;
    private List<Long> mempoolFingerprint = List.of();

    public LiveFeed(LiveReadModel readModel) {
        this.readModel = readModel;
    }

    /**
     * One look at the read model; publishes what changed. Skipped while no stream listens: the state
     * is forgotten then, so the first stream to come gets the next period's, never an old one. A
     * failure (database away) is logged and retried next period.
     */
    public synchronized void poll() {
        if (tips.currentSubscriberCount() == 0 && mempools.currentSubscriberCount() == 0) {
            tip = null;
            mempool = null;
            mempoolFingerprint = List.of();
            return;
        }
        try {
            readModel.tip().ifPresent(block -> {
                LiveUpdate.Tip current = tip;
                if (current == null || !current.block().id().equals(block.id())) {
                    tip = new LiveUpdate.Tip(block);
                    tips.tryEmitNext(tip);
                }
            });
            List<Long> fingerprint = readModel.mempoolFingerprint();
            if (!fingerprint.equals(mempoolFingerprint)) {
                mempool = readModel.mempool();
                mempoolFingerprint = fingerprint;
                mempools.tryEmitNext(mempool);
            }
        } catch (RuntimeException e) {
            log.warn("live feed: the read model did not answer: {}", e.getMessage());
        }
    }

    /**
     * The current state, then every change. A subscriber that reads slowly gets the latest tip and
     * the latest mempool when it catches up (older states are dropped, never queued without bound).
     */
    public Flux<LiveUpdate> updates() {
        Flux<LiveUpdate> live = Flux.merge(tips.asFlux().onBackpressureLatest(), mempools.asFlux().onBackpressureLatest());
        // subscribed before the current state is read, so nothing published in between is missed
        return Flux.merge(live, Flux.defer(() -> Flux.fromIterable(current())));
    }

    private List<LiveUpdate> current() {
        List<LiveUpdate> now = new ArrayList<>(2);
        now.add(tip);
        now.add(mempool);
        now.removeIf(Objects::isNull);
        return now;
    }
}
