package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A snapshot of one block in a {@link BlockTree}. The status is the one at the time the snapshot
 * was taken; ask the tree again after marking a block.
 *
 * @param parentId the previous block's id (for genesis, whatever its header names, normally {@link Hash256#ZERO})
 * @param cumulativeWork the sum of {@code header.target().work()} from genesis up to and including this block
 * @param firstSeen the order in which the tree first recorded this header (genesis is 0); lower was seen earlier
 */
public record BlockIndexEntry(
        Hash256 id,
        BlockHeader header,
        Hash256 parentId,
        long height,
        BigInteger cumulativeWork,
        BlockStatus status,
        long firstSeen) {

    public BlockIndexEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(cumulativeWork, "cumulativeWork");
        Objects.requireNonNull(status, "status");
    }
}
