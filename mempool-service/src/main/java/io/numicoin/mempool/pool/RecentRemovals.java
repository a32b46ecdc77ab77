package io.numicoin.mempool.pool;

import io.numicoin.events.MempoolEvent.RemovalReason;
import io.numicoin.protocol.hash.Hash256;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The last transactions that left the pool, and why: what {@code GET /api/v1/mempool/transactions/{txid}}
 * answers for a transaction no longer pending. A wallet waiting for its transfer learns from it that a
 * block took it (and keeps asking the node, which may not have that block yet) or that it will never be
 * mined (replaced, expired, evicted). Bounded: the oldest record goes first; held in memory only (a
 * restarted mempool forgets why, and answers as for a transaction it never saw).
 */
public final class RecentRemovals {

    /** 50,000 records of some 200 bytes: five blocks full of transfers, about 10 MB. */
    public static final int DEFAULT_CAPACITY = 50_000;

    /**
     * Why a transaction left the pool.
     *
     * @param tipHeight the pool's tip when it left: for {@link RemovalReason#INCLUDED_IN_BLOCK} the block that took it
     * @param atMillis when it left, Unix ms
     */
    public record Departure(RemovalReason reason, long tipHeight, long atMillis) {

        public Departure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final int capacity;
    private final Map<Hash256, Departure> departures;

    public RecentRemovals(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.departures = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Hash256, Departure> eldest) {
                return size() > RecentRemovals.this.capacity;
            }
        };
    }

    /** Records {@code removals} as leaving at {@code tipHeight}; a transaction that left before is recorded anew. */
    public synchronized void record(List<Removal> removals, long tipHeight, long atMillis) {
        for (Removal removal : removals) {
            Hash256 txid = removal.entry().txid();
            departures.remove(txid);  // re-inserted last: the newest record is the last to go
            departures.put(txid, new Departure(removal.reason(), tipHeight, atMillis));
        }
    }

    /** Why {@code txid} left the pool, if it did recently. */
    public synchronized Optional<Departure> departure(Hash256 txid) {
        return Optional.ofNullable(departures.get(txid));
    }

    public synchronized int size() {
        return departures.size();
    }
}
