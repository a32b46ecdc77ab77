package io.numicoin.miner.mining;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;

/** A header that met its target, and the work it was found on. */
public record FoundBlock(Work work, BlockHeader header, Hash256 powHash) {

    /** The mined block: the work's transactions under the found header. */
    public Block block() {
        return new Block(header, work.block().transactions());
    }
}
