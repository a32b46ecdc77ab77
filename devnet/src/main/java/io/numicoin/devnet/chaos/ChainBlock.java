package io.numicoin.devnet.chaos;

import java.util.List;

/**
 * A block of a node's active chain as the checker reads it: its id and state commitment, its
 * txids (the coinbase first), the coinbase's amount and the sum of the transfers' fees.
 */
record ChainBlock(long height, String id, String stateCommitment, List<String> txIds, long coinbaseUnits, long feeUnits) {

    ChainBlock {
        txIds = List.copyOf(txIds);
    }
}
