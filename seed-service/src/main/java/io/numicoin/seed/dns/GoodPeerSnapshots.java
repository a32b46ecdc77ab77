package io.numicoin.seed.dns;

import io.numicoin.seed.peers.PeerStore;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers the DNS server reads, rebuilt from the store by {@link #refresh()} (on a schedule):
 * queries never touch the database, and a database outage leaves the last good answers in place.
 */
public final class GoodPeerSnapshots implements Supplier<SeedAnswers> {

    private static final Logger log = LoggerFactory.getLogger(GoodPeerSnapshots.class);

    private final PeerStore store;
    private final int maxPeers;
    private final int defaultPort;
    private final Clock clock;
    private final AtomicReference<SeedAnswers> current = new AtomicReference<>(SeedAnswers.EMPTY);

    public GoodPeerSnapshots(PeerStore store, int maxPeers, int defaultPort, Clock clock) {
        this.store = store;
        this.maxPeers = maxPeers;
        this.defaultPort = defaultPort;
        this.clock = clock;
    }

    public void refresh() {
        try {
            current.set(SeedAnswers.of(store.good(maxPeers, clock.instant()), defaultPort));
        } catch (RuntimeException e) {
            log.warn("good peers not refreshed, still serving the last {}: {}", current.get().size(), e.toString());
        }
    }

    @Override
    public SeedAnswers get() {
        return current.get();
    }
}
