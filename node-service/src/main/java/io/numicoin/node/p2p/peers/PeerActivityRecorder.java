package io.numicoin.node.p2p.peers;

import io.numicoin.node.p2p.hooks.PeerActivity;
import io.numicoin.p2p.peer.PeerId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peers package's {@link PeerActivity}: a useful block protects the peer from eviction
 * ({@link ConnectionManager#recordUsefulBlock}); a reported height is written to the address book
 * when it changed (on {@code writer}, never on the caller's thread; tried again with the next status
 * while the book has no row of the peer yet, e.g. before its outbound connection was recorded); traffic is admitted against
 * {@link RateLimits}, whose refusals add points to the peer's score until it is banned.
 */
public final class PeerActivityRecorder implements PeerActivity {

    private static final Logger log = LoggerFactory.getLogger(PeerActivityRecorder.class);
    private static final int MAX_REMEMBERED_HEIGHTS = 10_000;

    private final ConnectionManager connections;
    private final RateLimits limits;
    private final AddressBook book;
    private final Executor writer;
    private final Map<PeerId, Long> writtenHeights = new ConcurrentHashMap<>();

    public PeerActivityRecorder(ConnectionManager connections, RateLimits limits, AddressBook book, Executor writer) {
        this.connections = connections;
        this.limits = limits;
        this.book = book;
        this.writer = writer;
    }

    /** Sets the budget of each kind of traffic in {@code limits}. */
    public static void configure(RateLimits limits, Map<Traffic, RateLimits.Limit> budgets) {
        budgets.forEach((traffic, limit) -> limits.setLimit(key(traffic), limit));
    }

    @Override
    public void usefulBlock(PeerId peer) {
        connections.recordUsefulBlock(peer);
    }

    @Override
    public void reportedHeight(PeerId peer, long height) {
        if (writtenHeights.size() >= MAX_REMEMBERED_HEIGHTS) {
            writtenHeights.clear();
        }
        Long before = writtenHeights.put(peer, height);
        if (before != null && before == height) {
            return;
        }
        writer.execute(() -> {
            try {
                if (!book.recordHeight(peer, height)) {
                    writtenHeights.remove(peer, height);
                }
            } catch (RuntimeException e) {
                writtenHeights.remove(peer, height);
                log.debug("could not record the height of {}: {}", peer, e.toString());
            }
        });
    }

    @Override
    public boolean admit(PeerId peer, Traffic traffic) {
        return limits.tryAcquire(peer, key(traffic));
    }

    static String key(Traffic traffic) {
        return "numi/" + traffic.name().toLowerCase(java.util.Locale.ROOT);
    }
}
