package io.numicoin.node.p2p.sync;

import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import java.util.List;

/**
 * What sync needs to know of the local chain, taken in one read of the block tree: the connected
 * tip, the best header tip, the locator to ask for headers after it, and the bodies still missing
 * on the way from the tip to the best header (ascending, at most the download window).
 */
public record ChainView(
        Hash256 tipId,
        BigInteger tipWork,
        Hash256 bestHeaderId,
        BigInteger bestHeaderWork,
        List<Hash256> locator,
        List<WantedBlock> wanted) {

    public ChainView {
        locator = List.copyOf(locator);
        wanted = List.copyOf(wanted);
    }

    /** A block whose header we hold on the best header chain and whose body we still need. */
    public record WantedBlock(Hash256 id, long height, BigInteger cumulativeWork) {
    }
}
