package io.numicoin.protocol.difficulty;

import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.pow.CompactTarget;

/**
 * A difficulty adjustment algorithm: the consensus rule that fixes the proof-of-work target of
 * the next block from the branch it extends. Implementations are deterministic and use integer
 * arithmetic only, so every node computes the same target bit for bit.
 */
public interface DifficultyAlgorithm {

    /**
     * The target the block extending {@code parentChain.tip()} must carry.
     *
     * @param parentChain the branch from genesis up to and including the new block's parent
     */
    CompactTarget nextTarget(HeaderChain parentChain);
}
