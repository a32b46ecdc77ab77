package io.numicoin.protocol.state;

/** Why {@link StateTransition} refused a block. Stateless rules (signatures, sizes, chain id) are checked elsewhere. */
public enum StateRejectReason {
    /** The block has no transactions or its first one is not a coinbase. */
    COINBASE_MISSING,
    /** A coinbase appears after the first transaction. */
    COINBASE_NOT_FIRST,
    /** The coinbase's height is not the block's height. */
    COINBASE_HEIGHT_MISMATCH,
    /** The coinbase pays more than the subsidy at its height plus the block's fees (less is allowed and burns the rest). */
    COINBASE_AMOUNT_TOO_HIGH,
    /** A transfer's nonce is not its sender's account nonce + 1 at that point of the block (replays included). */
    BAD_NONCE,
    /** A transfer's amount + fee is more than its sender's spendable balance (immature rewards do not count). */
    INSUFFICIENT_BALANCE,
    /** A transfer's expiry height is below the block's height. */
    EXPIRED,
    /** A sum (amount + fee, a balance, the block's fees, subsidy + fees) would exceed {@code MAX_MONEY}. */
    AMOUNT_OVERFLOW
}
