package io.numicoin.protocol.block;

/**
 * A read-only view of one branch of headers, from genesis to {@link #tip()}. Difficulty and time
 * rules look back along the branch a new block extends, whichever branch that is.
 */
public interface HeaderChain {

    /** The last header of the branch (the parent of the block being checked). */
    BlockHeader tip();

    /**
     * The header at {@code height} on this branch.
     *
     * @throws IllegalArgumentException if {@code height} is negative or above the tip's height
     */
    BlockHeader atHeight(long height);
}
