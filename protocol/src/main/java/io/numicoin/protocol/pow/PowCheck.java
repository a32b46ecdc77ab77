package io.numicoin.protocol.pow;

import io.numicoin.protocol.pow.header.ProofOfWork;

/** The outcome of checking a header's proof of work ({@code pow.header.ProofOfWork#verify}). */
public enum PowCheck {
    /** The PoW hash is at or below the header's target. */
    VALID,
    /** The PoW hash is above the header's target: not enough work. */
    ABOVE_TARGET,
    /** The header's compact target is not a canonical encoding of a target in {@code [1, 2^256)}. */
    NON_CANONICAL_TARGET;

    public boolean isValid() {
        return this == VALID;
    }
}
