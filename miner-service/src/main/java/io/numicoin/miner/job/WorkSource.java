package io.numicoin.miner.job;

import io.numicoin.miner.assembly.BlockTemplate;
import io.numicoin.protocol.block.Block;

/** Where the mining job gets its work: the current template, and the block assembled on one. */
public interface WorkSource {

    /** The best template now (fails with {@code UpstreamException} when its source does not answer). */
    BlockTemplate template();

    /** The complete block (nonce 0) to mine on {@code template}. */
    Block build(BlockTemplate template);
}
