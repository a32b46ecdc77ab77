package io.numicoin.events;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import java.util.Objects;

/**
 * {@code block} became the tip. The block id and height are the block's own (checked here);
 * {@code cumulativeWork} is the chain's work up to and including the block.
 */
public record BlockConnected(EventMeta meta, Hash256 blockId, long height, BigInteger cumulativeWork, Block block)
        implements ChainEvent {

    public BlockConnected {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(blockId, "blockId");
        Objects.requireNonNull(block, "block");
        ChainEvent.requireWork(Objects.requireNonNull(cumulativeWork, "cumulativeWork"));
        if (height != block.height()) {
            throw new IllegalArgumentException("height " + height + " is not the block's " + block.height());
        }
        if (!blockId.equals(BlockHeaderCodec.id(block.header()))) {
            throw new IllegalArgumentException("block id " + blockId + " is not the block's");
        }
    }

    /** The event for {@code block}, its id and height taken from its header. */
    public static BlockConnected of(EventMeta meta, BigInteger cumulativeWork, Block block) {
        return new BlockConnected(meta, BlockHeaderCodec.id(block.header()), block.height(), cumulativeWork, block);
    }

    @Override
    public EventType type() {
        return EventType.BLOCK_CONNECTED;
    }

    @Override
    public Hash256 tipIdAfter() {
        return blockId;
    }

    @Override
    public long tipHeightAfter() {
        return height;
    }

    @Override
    public BigInteger tipWorkAfter() {
        return cumulativeWork;
    }
}
