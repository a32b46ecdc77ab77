package io.numicoin.node.chain;

import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A snapshot of the active chain's tip.
 *
 * @param tipTimestamp the tip header's timestamp (Unix seconds)
 * @param nextTarget the target the next block must meet
 * @param syncState e.g. {@code SYNCED}, {@code SYNCING} (the p2p layer refines it)
 */
public record ChainStatus(
        Hash256 tipId,
        long height,
        BigInteger cumulativeWork,
        long tipTimestamp,
        CompactTarget nextTarget,
        SyncState syncState) {

    public enum SyncState {
        SYNCED,
        SYNCING
    }

    public ChainStatus {
        Objects.requireNonNull(tipId, "tipId");
        Objects.requireNonNull(cumulativeWork, "cumulativeWork");
        Objects.requireNonNull(nextTarget, "nextTarget");
        Objects.requireNonNull(syncState, "syncState");
    }
}
