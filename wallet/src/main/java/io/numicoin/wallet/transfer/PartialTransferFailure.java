package io.numicoin.wallet.transfer;

/** Why a step of the partially signed transfer flow could not be taken. */
public enum PartialTransferFailure {
    /** The signing key is none of the policy's keys. */
    KEY_NOT_IN_POLICY,
    /** Files to combine hold different transactions (their txids differ). */
    DIFFERENT_TRANSACTION,
    /** Fewer valid signatures than the policy's threshold. */
    NOT_ENOUGH_SIGNATURES,
    /** The finished transaction breaks a consensus rule ({@code TransactionRules}); the detail names it. */
    REJECTED,
    /** The transaction's chain id is no network this program knows. */
    UNKNOWN_NETWORK
}
