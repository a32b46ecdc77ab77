package io.numicoin.node.query;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.chain.BlockStatus;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored block as the read side sees it.
 *
 * @param status null if the stored code names no {@link BlockStatus} this build knows
 * @param nextId the active chain's next block, when this block is on it and not the tip
 * @param tipHeight the active chain's height when read, -1 before the node stored a tip
 * @param size the encoded body's size in bytes, empty when only the header is stored
 * @param txIds the transactions' ids in block order (empty for a summary or a header-only block)
 */
public record BlockRecord(
        Hash256 id,
        BlockHeader header,
        BigInteger cumulativeWork,
        BlockStatus status,
        boolean mainChain,
        Optional<Hash256> nextId,
        long tipHeight,
        Optional<Integer> size,
        Optional<Integer> transactionCount,
        List<Hash256> txIds) {

    public BlockRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(cumulativeWork, "cumulativeWork");
        Objects.requireNonNull(nextId, "nextId");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(transactionCount, "transactionCount");
        txIds = List.copyOf(txIds);
    }

    /** Blocks on the active chain from this one to the tip (1 for the tip), 0 off the active chain. */
    public long confirmations() {
        return mainChain && tipHeight >= header.height() ? tipHeight - header.height() + 1 : 0;
    }
}
