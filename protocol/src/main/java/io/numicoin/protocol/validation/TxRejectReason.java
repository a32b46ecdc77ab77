package io.numicoin.protocol.validation;

/** Rules a transfer can break on its own, before any account state is consulted. */
public enum TxRejectReason {
    /** The transaction commits to another network's chain id. */
    WRONG_CHAIN_ID,
    /** The serialized transaction is larger than 64 KiB. */
    TOO_LARGE,
    /**
     * The fee is zero. Every transfer pays at least one base unit, so only a funded account can send:
     * an unfunded address cannot create its own account for free (docs/decisions.md, "No free state growth").
     */
    ZERO_FEE,
    /** The sender is not the address of the spending policy the transaction carries. */
    SENDER_POLICY_MISMATCH,
    /** Not exactly as many signatures as the policy's threshold. */
    WRONG_SIGNATURE_COUNT,
    /** Signature key indexes are not strictly ascending. */
    KEY_INDEX_NOT_ASCENDING,
    /** A signature names a key the policy does not have. */
    KEY_INDEX_OUT_OF_RANGE,
    /** A signature does not verify against its key and the txid. */
    BAD_SIGNATURE,
    /** A coinbase was submitted as a standalone transaction; only blocks carry coinbases. */
    COINBASE_NOT_ALLOWED
}
