package io.numicoin.node.storage;

import io.numicoin.protocol.chain.BlockIndexEntry;
import io.numicoin.protocol.chain.BlockStatus;
import io.numicoin.protocol.chain.BlockTreeListener;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.validation.BlockRejection;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the block tree's changes that {@code block_index} must learn of: new entries and
 * invalid marks with their reasons. {@link PostgresChainStore} writes them at the start of its next
 * transaction (so a header's row exists before its body, undo data or main-chain row refers to it) or, when the
 * import wrote nothing else, in {@link PostgresChainStore#flushTreeChanges()}.
 *
 * <p>{@link BlockStatus#DATA_AVAILABLE} and {@link BlockStatus#VALID} are not journaled: the store
 * writes them itself, in the same transaction as the body ({@code storeBlock}) and the state
 * change ({@code connect}) they describe. Used under the import lock only.
 */
public final class BlockIndexJournal implements BlockTreeListener {

    /** One status change to persist, with the reason when the tree gave one (INVALID only; else null). */
    record StatusChange(Hash256 id, BlockStatus status, BlockRejection rejection) {
    }

    private final List<BlockIndexEntry> added = new ArrayList<>();
    private final List<StatusChange> invalidated = new ArrayList<>();

    @Override
    public void entryAdded(BlockIndexEntry entry) {
        added.add(entry);
    }

    @Override
    public void statusChanged(Hash256 id, BlockStatus status) {
        if (status.isInvalid()) {
            invalidated.add(new StatusChange(id, status, null));
        }
    }

    /** Attaches the reason to the INVALID mark just recorded for {@code id} (the tree tells it right after). */
    @Override
    public void rejected(Hash256 id, BlockRejection rejection) {
        for (int i = invalidated.size() - 1; i >= 0; i--) {
            if (invalidated.get(i).id().equals(id)) {
                invalidated.set(i, new StatusChange(id, BlockStatus.INVALID, rejection));
                return;
            }
        }
    }

    boolean isEmpty() {
        return added.isEmpty() && invalidated.isEmpty();
    }

    /** Hands over and forgets everything recorded so far. */
    Pending drain() {
        Pending pending = new Pending(List.copyOf(added), List.copyOf(invalidated));
        discard();
        return pending;
    }

    /** Forgets what was recorded (after a rebuild from the table, or a rollback and reload). */
    public void discard() {
        added.clear();
        invalidated.clear();
    }

    /** Drained changes, in the order the tree made them (all additions before any status change is safe: statuses only name known rows). */
    record Pending(List<BlockIndexEntry> added, List<StatusChange> invalidated) {
        boolean isEmpty() {
            return added.isEmpty() && invalidated.isEmpty();
        }
    }
}
