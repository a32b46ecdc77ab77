package io.numicoin.node.relay;

import io.numicoin.protocol.hash.Hash256;
import java.util.LinkedHashSet;
import java.util.SequencedSet;

/**
 * The txids this node heard lately (from its API or a peer), at most {@code capacity}; the oldest is
 * forgotten first. {@link #add} is atomic, so of two threads hearing the same transaction exactly one
 * learns that it is new. A txid hashes the unsigned body, so the same transfer signed twice (ML-DSA
 * signing is randomised) counts once.
 */
public final class RecentTransactions {

    private final int capacity;
    private final SequencedSet<Hash256> txids = new LinkedHashSet<>();

    public RecentTransactions(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Remembers {@code txid}; true if it was not remembered already. */
    public synchronized boolean add(Hash256 txid) {
        if (!txids.add(txid)) {
            return false;
        }
        if (txids.size() > capacity) {
            txids.removeFirst();
        }
        return true;
    }

    public synchronized boolean contains(Hash256 txid) {
        return txids.contains(txid);
    }

    /** Forgets {@code txid} (its event could not be written: hearing it again may write it). */
    public synchronized void forget(Hash256 txid) {
        txids.remove(txid);
    }

    public synchronized int size() {
        return txids.size();
    }
}
