package io.numicoin.miner.assembly;

import io.numicoin.miner.upstream.UpstreamException;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;

/**
 * The state commitment a block's header must carry: the account state after applying
 * {@code block} to the state after its parent. The block's own commitment field is ignored.
 */
public interface StateCommitmentSource {

    /**
     * @throws UpstreamException when the parent's state cannot be read (the parent is no longer the
     *     tip, the node does not answer)
     * @throws TemplateRejectedException when the block breaks a state rule against the parent state
     */
    Hash256 commitmentAfter(Block block);
}
