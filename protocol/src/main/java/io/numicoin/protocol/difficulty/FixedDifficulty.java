package io.numicoin.protocol.difficulty;

import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.pow.CompactTarget;
import java.util.Objects;

/**
 * No retargeting: every block carries the same target. Used by regtest, where blocks are mined
 * on demand and the block rate means nothing.
 */
public record FixedDifficulty(CompactTarget target) implements DifficultyAlgorithm {

    public FixedDifficulty {
        Objects.requireNonNull(target, "target");
        if (!target.isCanonical()) {
            throw new IllegalArgumentException("target is not canonical: " + target);
        }
    }

    @Override
    public CompactTarget nextTarget(HeaderChain parentChain) {
        return target;
    }
}
