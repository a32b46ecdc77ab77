package io.numicoin.events;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;

/**
 * A change of the event-source node's best chain, on {@link Topics#CHAIN}: one block connected to or
 * disconnected from the tip. A reorganisation is the disconnections (tip first) followed by the
 * connections (lowest first). Applying the events in sequence order replays the node's tip exactly.
 */
public sealed interface ChainEvent extends Event permits BlockConnected, BlockDisconnected {

    /** The largest cumulative work an event carries: 64 bytes, far above any real chain's (below 2^320). */
    int MAX_WORK_BITS = 512;

    /** The id of the block connected or disconnected. */
    Hash256 blockId();

    long height();

    Block block();

    /** The tip's id once this event is applied. */
    Hash256 tipIdAfter();

    long tipHeightAfter();

    /** The tip's cumulative work once this event is applied. */
    BigInteger tipWorkAfter();

    /** Checks a cumulative work is positive and at most {@link #MAX_WORK_BITS} bits. */
    static BigInteger requireWork(BigInteger work) {
        if (work.signum() <= 0 || work.bitLength() > MAX_WORK_BITS) {
            throw new IllegalArgumentException("cumulative work must be in [1, 2^" + MAX_WORK_BITS + "): " + work);
        }
        return work;
    }
}
