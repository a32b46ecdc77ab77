package io.numicoin.protocol.chain;

import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.validation.BlockRejection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What importing one block did: its own outcome, and every change of the active chain it caused
 * (in order — disconnections of a reorg first, then connections, including orphans it adopted).
 *
 * @param rejection present when {@code outcome} is {@link Outcome#INVALID}
 */
public record BlockImportResult(Outcome outcome, Hash256 id, Optional<BlockRejection> rejection, List<ChainChange> changes) {

    public enum Outcome {
        /** The block is on the active chain now (it extended the tip or won a reorganisation). */
        CONNECTED,
        /** Valid so far and stored, but on a branch with less work than the active chain. */
        SIDE_BRANCH,
        /** Its parent is unknown: kept in the orphan pool until the parent arrives. */
        ORPHANED,
        /** Already stored, or already waiting as an orphan. */
        ALREADY_KNOWN,
        /** It breaks a consensus rule (or descends from a block that does). */
        INVALID
    }

    public BlockImportResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rejection, "rejection");
        changes = List.copyOf(changes);
    }

    /** How many blocks the active chain lost to reach the new tip (0 for a plain extension). */
    public int reorgDepth() {
        int depth = 0;
        for (ChainChange change : changes) {
            if (change.kind() == ChainChange.Kind.DISCONNECTED) {
                depth++;
            }
        }
        return depth;
    }
}
