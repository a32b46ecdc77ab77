package io.numicoin.node.chain;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;

/**
 * The node's one writer of consensus state: every block, from the API or from peers, goes
 * through here. Implementations serialise imports, persist each connect/disconnect atomically
 * with its outbox events, and never block a caller without a timeout.
 */
public interface ChainService {

    /** Fully validates {@code block}, stores it and moves the active chain if it should. */
    BlockImportResult submitBlock(Block block);

    /** Where the active chain is now. */
    ChainStatus status();
}
