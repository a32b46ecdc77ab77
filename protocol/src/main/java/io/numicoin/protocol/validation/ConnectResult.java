package io.numicoin.protocol.validation;

import io.numicoin.protocol.state.StateDiff;
import io.numicoin.protocol.state.StateHashChange;
import io.numicoin.protocol.state.UndoData;
import java.util.Objects;

/** The outcome of applying a block to its parent's state. */
public sealed interface ConnectResult {

    /**
     * The block is valid on this state: apply {@code diff}; keep {@code undo} to disconnect it later;
     * {@code hashChange} moved the state's set hash to the one the header commits to.
     */
    record Connected(StateDiff diff, UndoData undo, StateHashChange hashChange) implements ConnectResult {
        public Connected {
            Objects.requireNonNull(diff, "diff");
            Objects.requireNonNull(undo, "undo");
            Objects.requireNonNull(hashChange, "hashChange");
        }
    }

    record Rejected(BlockRejection rejection) implements ConnectResult {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
