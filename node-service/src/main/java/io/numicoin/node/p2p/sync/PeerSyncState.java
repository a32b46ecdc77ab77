package io.numicoin.node.p2p.sync;

import io.numicoin.network.sync.ChainStatusMessage;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import io.numicoin.protocol.block.BlockHeader;
import java.util.Map;
import java.util.Set;

/** What the sync loop knows about one connected peer. Touched only on the sync thread. */
final class PeerSyncState {

    final PeerId peer;
    /** The peer's last status, or null before the exchange completed. */
    ChainStatusMessage status;
    boolean statusInFlight;
    long nextStatusNanos;
    long lastStatusRequestNanos;
    boolean headersInFlight;
    /** The peer's chain forks below this node's snapshot base (or ends below the work threshold): its headers are not asked for again. */
    boolean unfollowable;
    /** Headers of the peer's chain checked (proofs of work included) but not stored: its chain is below the work threshold so far. */
    List<BlockHeader> presynced = List.of();
    /** The last header of the peer's previous full batch, when it brought nothing new: ask after it next. */
    Hash256 continueFrom;
    int blocksInFlight;
    /** Blocks this peer answered "not stored" for: not asked of it again. */
    final Set<Hash256> missing = new HashSet<>();
    /** Blocks whose request to this peer stalled or failed, and when it may be asked for them again. */
    final Map<Hash256, Long> retryAfterNanos = new HashMap<>();

    PeerSyncState(PeerId peer) {
        this.peer = peer;
    }

    /** Whether {@code id} may be asked of this peer at {@code now}. */
    boolean mayAsk(Hash256 id, long now) {
        if (missing.contains(id)) {
            return false;
        }
        Long retry = retryAfterNanos.get(id);
        return retry == null || now - retry >= 0;
    }

    BigInteger claimedWork() {
        return status == null ? BigInteger.ZERO : status.cumulativeWork();
    }
}
