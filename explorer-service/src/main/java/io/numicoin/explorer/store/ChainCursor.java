package io.numicoin.explorer.store;

import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;

/**
 * Where the read model stands: its tip and the last applied {@code numi.chain.v1} sequence
 * ({@link #UNKNOWN_SEQUENCE} after a backfill from the node's API, before the next event).
 */
public record ChainCursor(Hash256 tipId, long tipHeight, BigInteger tipWork, long sequence) {

    public static final long UNKNOWN_SEQUENCE = -1;

    public boolean sequenceKnown() {
        return sequence != UNKNOWN_SEQUENCE;
    }
}
