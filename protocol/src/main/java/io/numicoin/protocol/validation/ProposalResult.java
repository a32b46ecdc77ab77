package io.numicoin.protocol.validation;

import io.numicoin.protocol.hash.Hash256;
import java.util.Objects;

/** What a node says of a candidate block a miner is about to mine. */
public sealed interface ProposalResult {

    /** The body is valid on the tip; the header must commit to {@code stateCommitment}. */
    record Valid(Hash256 stateCommitment) implements ProposalResult {
        public Valid {
            Objects.requireNonNull(stateCommitment, "stateCommitment");
        }
    }

    /** The candidate breaks a rule. */
    record Invalid(BlockRejection rejection) implements ProposalResult {
        public Invalid {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /** The candidate does not extend the current tip (the tip moved). */
    record Stale(Hash256 tipId) implements ProposalResult {
        public Stale {
            Objects.requireNonNull(tipId, "tipId");
        }
    }
}
