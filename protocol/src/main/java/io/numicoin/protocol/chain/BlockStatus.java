package io.numicoin.protocol.chain;

/**
 * What a {@link BlockTree} knows about one block. Statuses only move forward
 * ({@code HEADER_ONLY → DATA_AVAILABLE → VALID}), except that any non-genesis block can become
 * {@code INVALID} or {@code INVALID_ANCESTOR}, and those two are final. {@code FROM_SNAPSHOT} is set
 * once, by {@link BlockTree#markSnapshotBase}, and is final too.
 */
public enum BlockStatus {
    /** The header is known and passed the caller's header checks; the body is not stored. */
    HEADER_ONLY,
    /** The body is stored but the block has not been connected yet. */
    DATA_AVAILABLE,
    /** The block was connected successfully at least once (its body is stored). */
    VALID,
    /** The block failed validation. */
    INVALID,
    /** The block descends from an {@link #INVALID} block. */
    INVALID_ANCESTOR,
    /**
     * The block is at or below the snapshot base of a node started from a state snapshot: its header
     * is known and checked, the state after it was loaded from the snapshot, its body is not stored
     * (and never fetched). Counts as connected for fork choice; can neither become invalid nor be
     * disconnected.
     */
    FROM_SNAPSHOT;

    /** True for {@link #INVALID} and {@link #INVALID_ANCESTOR}. */
    public boolean isInvalid() {
        return this == INVALID || this == INVALID_ANCESTOR;
    }

    /** True when the block's body is stored: {@link #DATA_AVAILABLE} or {@link #VALID}. */
    public boolean hasData() {
        return this == DATA_AVAILABLE || this == VALID;
    }
}
