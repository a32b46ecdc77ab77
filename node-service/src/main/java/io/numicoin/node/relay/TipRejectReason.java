package io.numicoin.node.relay;

/**
 * Why a transfer that passed the stateless rules is not relayed: it cannot be mined on the current
 * tip. The names are the mempool's ({@code PoolRejectReason}), so a client reads one vocabulary.
 */
public enum TipRejectReason {
    /** The expiry height is below the next block's height. */
    EXPIRED,
    /** The nonce is at most the account's: already used. */
    NONCE_TOO_LOW,
    /** The nonce is further ahead of the account's than the relay window. */
    NONCE_TOO_HIGH,
    /** Amount + fee exceed the sender's spendable balance. */
    INSUFFICIENT_BALANCE,
    /** Fee per 1,000 encoded bytes below the minimum relay fee rate. */
    FEE_RATE_TOO_LOW
}
