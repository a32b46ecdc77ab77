package io.numicoin.miner.upstream;

import io.numicoin.miner.assembly.StateCommitmentSource;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;

/**
 * Asks the node: {@code POST /api/v1/blocks/proposal} checks the candidate against the node's tip
 * (every body and state rule) and answers the commitment to mine with, in one round trip and with
 * no state logic duplicated in the miner.
 */
public final class ProposalStateCommitmentSource implements StateCommitmentSource {

    private final NodeClient node;

    public ProposalStateCommitmentSource(NodeClient node) {
        this.node = node;
    }

    @Override
    public Hash256 commitmentAfter(Block block) {
        return node.proposeCommitment(block);
    }
}
