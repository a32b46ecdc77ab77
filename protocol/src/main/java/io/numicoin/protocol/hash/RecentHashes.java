package io.numicoin.protocol.hash;

import java.util.LinkedHashSet;
import java.util.SequencedSet;

/**
 * A bounded set of hashes, the oldest forgotten first once it holds {@code capacity}: what a node
 * heard lately (txids, transfers it verified). {@link #add} is atomic, so of two threads adding the
 * same hash exactly one learns that it is new. Thread-safe.
 */
public final class RecentHashes {

    private final int capacity;
    private final SequencedSet<Hash256> hashes = new LinkedHashSet<>();

    public RecentHashes(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Remembers {@code hash}; true if it was not remembered already (a repeat keeps its place). */
    public synchronized boolean add(Hash256 hash) {
        if (!hashes.add(hash)) {
            return false;
        }
        if (hashes.size() > capacity) {
            hashes.removeFirst();
        }
        return true;
    }

    public synchronized boolean contains(Hash256 hash) {
        return hashes.contains(hash);
    }

    public synchronized void remove(Hash256 hash) {
        hashes.remove(hash);
    }

    public synchronized int size() {
        return hashes.size();
    }

    public int capacity() {
        return capacity;
    }
}
