package io.numicoin.protocol.chain;

import io.numicoin.protocol.hash.Hash256;
import java.util.Objects;

/**
 * What {@link BlockTree#addHeader} did with a header.
 *
 * @param id the header's block id
 */
public record AddHeaderResult(Outcome outcome, Hash256 id) {

    /** The possible outcomes; only {@link #ADDED} and {@link #PARENT_INVALID} record a new entry. */
    public enum Outcome {
        /** Recorded as a new {@link BlockStatus#HEADER_ONLY} entry. */
        ADDED,
        /** The tree already has this block (whatever its status); nothing changed. */
        ALREADY_KNOWN,
        /** The parent is not in the tree: nothing recorded; the caller should keep it as an orphan. */
        UNKNOWN_PARENT,
        /** The parent is invalid: recorded as {@link BlockStatus#INVALID_ANCESTOR}, so it is never fetched. */
        PARENT_INVALID,
        /** The header's height is not its parent's height + 1: nothing recorded. */
        BAD_HEIGHT,
        /**
         * A new header at or below the snapshot base ({@link BlockTree#markSnapshotBase}): it would fork
         * below the state this node loaded, which it cannot reorganise to. Nothing recorded.
         */
        BELOW_SNAPSHOT_BASE
    }

    public AddHeaderResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(id, "id");
    }

    /** True when the header is now in the tree as a new entry that may be worth downloading. */
    public boolean isAdded() {
        return outcome == Outcome.ADDED;
    }
}
