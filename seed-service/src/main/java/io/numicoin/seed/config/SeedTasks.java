package io.numicoin.seed.config;

import io.numicoin.seed.dns.GoodPeerSnapshots;
import io.numicoin.seed.peers.PeerStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The DNS answers' refresh and the store's pruning, on their intervals. */
@Component
public class SeedTasks {

    private static final Logger log = LoggerFactory.getLogger(SeedTasks.class);

    private final GoodPeerSnapshots snapshots;
    private final PeerStore store;
    private final Clock clock;

    public SeedTasks(GoodPeerSnapshots snapshots, PeerStore store, Clock clock) {
        this.snapshots = snapshots;
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${numi.seed.dns.refresh-interval:10s}")
    public void refreshAnswers() {
        snapshots.refresh();
    }

    @Scheduled(fixedDelayString = "${numi.seed.crawl.prune-interval:10m}", initialDelayString = "${numi.seed.crawl.prune-interval:10m}")
    public void prune() {
        try {
            int gone = store.prune(clock.instant());
            if (gone > 0) {
                log.info("forgot {} peer addresses", gone);
            }
        } catch (RuntimeException e) {
            log.warn("pruning the peer store failed: {}", e.toString());
        }
    }
}
