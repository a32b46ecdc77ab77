package io.numicoin.node.p2p.sync;

import io.numicoin.p2p.peer.PeerId;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

/** What the sync loop knows about one connected peer. Touched only on the sync thread. */
final class PeerSyncState {

    final PeerId peer;
    /** The peer's last status, or null before the exchange completed. */
    ChainStatusMessage status;
    boolean statusInFlight;
    long nextStatusNanos;
    boolean headersInFlight;
    int blocksInFlight;
    /** Blocks this peer answered "not stored" for: not asked of it again. */
    final Set<Hash256> missing = new HashSet<>();

    PeerSyncState(PeerId peer) {
        this.peer = peer;
    }

    BigInteger claimedWork() {
        return status == null ? BigInteger.ZERO : status.cumulativeWork();
    }
}
