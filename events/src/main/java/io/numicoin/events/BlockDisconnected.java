package io.numicoin.events;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import java.util.Objects;

/**
 * {@code block}, the tip, was taken off the best chain (a reorganisation); its parent is the tip
 * again. {@code cumulativeWorkAfter} is the parent's cumulative work. Genesis is never disconnected,
 * so the height is at least 1.
 */
public record BlockDisconnected(
        EventMeta meta, Hash256 blockId, long height, BigInteger cumulativeWorkAfter, Block block)
        implements ChainEvent {

    public BlockDisconnected {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(blockId, "blockId");
        Objects.requireNonNull(block, "block");
        ChainEvent.requireWork(Objects.requireNonNull(cumulativeWorkAfter, "cumulativeWorkAfter"));
        if (height != block.height()) {
            throw new IllegalArgumentException("height " + height + " is not the block's " + block.height());
        }
        if (height < 1) {
            throw new IllegalArgumentException("genesis is never disconnected");
        }
        if (!blockId.equals(BlockHeaderCodec.id(block.header()))) {
            throw new IllegalArgumentException("block id " + blockId + " is not the block's");
        }
    }

    /** The event for {@code block}, its id and height taken from its header. */
    public static BlockDisconnected of(EventMeta meta, BigInteger cumulativeWorkAfter, Block block) {
        return new BlockDisconnected(meta, BlockHeaderCodec.id(block.header()), block.height(), cumulativeWorkAfter, block);
    }

    @Override
    public EventType type() {
        return EventType.BLOCK_DISCONNECTED;
    }

    @Override
    public Hash256 tipIdAfter() {
        return block.header().previousId();
    }

    @Override
    public long tipHeightAfter() {
        return height - 1;
    }

    @Override
    public BigInteger tipWorkAfter() {
        return cumulativeWorkAfter;
    }
}
