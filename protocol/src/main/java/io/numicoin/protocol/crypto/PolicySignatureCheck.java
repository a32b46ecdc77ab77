package io.numicoin.protocol.crypto;

/** The outcome of checking a spending policy's signatures ({@link PolicySignatureRule}). */
public enum PolicySignatureCheck {
    /** Exactly threshold signatures, by ascending key indexes, all valid. */
    VALID,
    /** The number of signatures is not the policy's threshold. */
    WRONG_SIGNATURE_COUNT,
    /** A key index is not greater than the one before it (unsorted or repeated). */
    KEY_INDEX_NOT_ASCENDING,
    /** A key index is not below the policy's key count. */
    KEY_INDEX_OUT_OF_RANGE,
    /** A signature does not verify under the key it names. */
    BAD_SIGNATURE
}
