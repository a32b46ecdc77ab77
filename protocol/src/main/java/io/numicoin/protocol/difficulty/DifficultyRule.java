package io.numicoin.protocol.difficulty;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.pow.CompactTarget;
import java.util.Objects;

/**
 * Consensus rule: a block's header carries exactly the target that the network's
 * {@link DifficultyAlgorithm} computes for the branch it extends (compact encodings compared
 * bit for bit). Whether the block's proof of work meets that target is a separate rule.
 */
public record DifficultyRule(DifficultyAlgorithm algorithm) {

    public DifficultyRule {
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /**
     * Checks {@code header}, the block extending {@code parentChain.tip()}.
     *
     * @param parentChain the branch from genesis up to and including the header's parent
     */
    public DifficultyCheck check(BlockHeader header, HeaderChain parentChain) {
        CompactTarget expected = algorithm.nextTarget(parentChain);
        CompactTarget actual = header.target();
        DifficultyCheck.Status status = expected.equals(actual)
                ? DifficultyCheck.Status.VALID
                : DifficultyCheck.Status.WRONG_TARGET;
        return new DifficultyCheck(status, expected, actual);
    }
}
