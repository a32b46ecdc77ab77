package io.numicoin.protocol.chain;

import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.validation.BlockRejection;

/**
 * Told about every change a {@link BlockTree} makes, in the order it makes them, so that a node
 * can persist the tree and rebuild it after a restart. Called on the thread that mutates the
 * tree, after the change; implementations must not call back into the tree.
 */
public interface BlockTreeListener {

    /** A listener that ignores everything. */
    BlockTreeListener NONE = new BlockTreeListener() {
    };

    /** A new entry was recorded ({@link BlockStatus#HEADER_ONLY} or {@link BlockStatus#INVALID_ANCESTOR}). */
    default void entryAdded(BlockIndexEntry entry) {
    }

    /** An existing entry's status changed to {@code status} (also for each descendant an invalid mark reaches). */
    default void statusChanged(Hash256 id, BlockStatus status) {
    }

    /**
     * {@code id} was marked {@link BlockStatus#INVALID} for {@code rejection} (told right after the
     * matching {@link #statusChanged}), so a node can keep the reason across restarts.
     */
    default void rejected(Hash256 id, BlockRejection rejection) {
    }
}
