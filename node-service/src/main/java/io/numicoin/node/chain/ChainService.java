package io.numicoin.node.chain;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.validation.ProposalResult;

/**
 * The node's one writer of consensus state: every block, from the API or from peers, goes
 * through here. Implementations serialise imports, persist each connect/disconnect atomically
 * with its outbox events, and never block a caller without a timeout.
 */
public interface ChainService {

    /** Fully validates {@code block}, stores it and moves the active chain if it should. */
    BlockImportResult submitBlock(Block block);

    /**
     * Checks a candidate child of the tip (a miner's block before mining) against every body and
     * state rule and answers the state commitment its header must carry. Stores nothing.
     */
    ProposalResult proposeBlock(Block candidate);

    /** Where the active chain is now. */
    ChainStatus status();
}
