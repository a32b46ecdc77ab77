package io.numicoin.miner.upstream;

import io.numicoin.protocol.block.Block;

/** Where found blocks go: the node's {@code POST /api/v1/blocks} ({@link NodeClient}). */
public interface BlockSubmitter {

    /** The node's verdict; fails with {@link UpstreamException} when there is none (no answer, 5xx). */
    NodeClient.SubmitResult submit(Block block);
}
