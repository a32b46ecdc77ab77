package io.numicoin.node.relay;

import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.hash.RecentHashes;

/**
 * The txids this node heard lately (from its API or a peer), at most {@code capacity}; the oldest is
 * forgotten first. {@link #add} is atomic, so of two threads hearing the same transaction exactly one
 * learns that it is new. A txid hashes the unsigned body, so the same transfer signed twice (ML-DSA
 * signing is randomised) counts once.
 */
public final class RecentTransactions {

    private final RecentHashes txids;

    public RecentTransactions(int capacity) {
        this.txids = new RecentHashes(capacity);
    }

    /** Remembers {@code txid}; true if it was not remembered already. */
    public boolean add(Hash256 txid) {
        return txids.add(txid);
    }

    public boolean contains(Hash256 txid) {
        return txids.contains(txid);
    }

    /** Forgets {@code txid} (its event could not be written: hearing it again may write it). */
    public void forget(Hash256 txid) {
        txids.remove(txid);
    }

    public int size() {
        return txids.size();
    }
}
