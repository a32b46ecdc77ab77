package io.numicoin.node.integrity;

import java.util.Objects;

/** One thing the startup check found wrong with the stored chain. */
public record IntegrityProblem(Kind kind, String detail) {

    public enum Kind {
        /** chain_tip, main_chain and block_index disagree about where the active chain ends. */
        TIP_INCONSISTENT,
        /** A header does not decode, does not hash to its id, or does not link to the block below. */
        HEADER_MISMATCH,
        /** A body is missing, does not decode, or does not match its header; it was marked for re-download. */
        BODY_CORRUPT,
        /** The stored state hash does not commit to what the tip header says. */
        STATE_COMMITMENT_MISMATCH,
        /** The accounts or rewards tables do not hash to the stored state hash. */
        ACCOUNTS_MISMATCH,
        /** Undo data does not decode or does not turn the state back into the parent's. */
        UNDO_MISMATCH
    }

    public IntegrityProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return kind + ": " + detail;
    }
}
