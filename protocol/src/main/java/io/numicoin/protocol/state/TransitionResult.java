package io.numicoin.protocol.state;

import io.numicoin.protocol.hash.Hash256;
import java.util.Objects;

/** The outcome of {@link StateTransition#apply}: the block's effect on the state, or why it is invalid. */
public sealed interface TransitionResult {

    /**
     * The block is valid against the state: {@code diff} connects it, {@code undo} disconnects it,
     * {@code newCommitment} is the state commitment its header must carry, and {@code hashChange}
     * how the set hash got there (so a store need not hash the changed elements again).
     */
    record Applied(StateDiff diff, UndoData undo, Hash256 newCommitment, StateHashChange hashChange) implements TransitionResult {
        public Applied {
            Objects.requireNonNull(diff, "diff");
            Objects.requireNonNull(undo, "undo");
            Objects.requireNonNull(newCommitment, "newCommitment");
            Objects.requireNonNull(hashChange, "hashChange");
        }
    }

    /**
     * The block breaks a state rule at transaction {@code txIndex} ({@link #NO_TRANSACTION} when
     * the rule concerns no single transaction, such as a maturing reward overflowing a balance).
     */
    record Rejected(StateRejectReason reason, int txIndex, String detail) implements TransitionResult {

        public static final int NO_TRANSACTION = -1;

        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            if (txIndex < NO_TRANSACTION) {
                throw new IllegalArgumentException("tx index must be >= -1: " + txIndex);
            }
        }
    }
}
