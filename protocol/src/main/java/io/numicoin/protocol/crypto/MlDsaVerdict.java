package io.numicoin.protocol.crypto;

/**
 * What the consensus ML-DSA-65 verifier ({@link ConsensusMlDsaVerifier}) found for one signature.
 * Every outcome but {@link #VALID} rejects; the encoding outcomes are FIPS 204's {@code sigDecode} /
 * {@code HintBitUnpack} returning ⊥ and the {@code ||z||∞ < γ1 − β} test of {@code ML-DSA.Verify},
 * decided here from the bytes so that no provider's leniency can make one node accept what another
 * refuses.
 */
public enum MlDsaVerdict {
    /** Well-formed and valid under the key for the message. */
    VALID,
    /** The encoding is not exactly {@value MlDsaSignature#SIZE} bytes. */
    WRONG_LENGTH,
    /** A coefficient of {@code z} has {@code |z| ≥ γ1 − β} (FIPS 204 ML-DSA.Verify). */
    Z_OUT_OF_BOUND,
    /** A cumulative hint count is above ω (55) or below the one before it (HintBitUnpack). */
    HINT_COUNT_INVALID,
    /** Within one polynomial, hint indexes are not strictly increasing (HintBitUnpack). */
    HINT_INDEX_NOT_INCREASING,
    /** An unused hint index slot after the last hint is not zero (HintBitUnpack). */
    HINT_PADDING_NOT_ZERO,
    /** Well-formed, but the signature does not verify under the key for the message. */
    BAD_SIGNATURE;

    public boolean isValid() {
        return this == VALID;
    }
}
