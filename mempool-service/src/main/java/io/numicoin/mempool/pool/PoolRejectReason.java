package io.numicoin.mempool.pool;

import io.numicoin.protocol.validation.TxRejectReason;

/** Why the mempool refused a transaction: a stateless rule, or a rule against the tip and the pool. */
public enum PoolRejectReason {
    /** The bytes are not a transaction ({@code TransactionCodec}). */
    MALFORMED,
    WRONG_CHAIN_ID,
    TOO_LARGE,
    /** The fee is zero (a consensus rule: only a funded account can send). */
    ZERO_FEE,
    SENDER_POLICY_MISMATCH,
    WRONG_SIGNATURE_COUNT,
    KEY_INDEX_NOT_ASCENDING,
    KEY_INDEX_OUT_OF_RANGE,
    BAD_SIGNATURE,
    COINBASE_NOT_ALLOWED,
    /** The nonce is at most the account's: already used. */
    NONCE_TOO_LOW,
    /** The nonce leaves a gap wider than the allowed number of future nonces. */
    NONCE_TOO_HIGH,
    /** The balance does not cover this transaction and the sender's pending ones (amount + fee). */
    INSUFFICIENT_BALANCE,
    /** Fee per 1,000 bytes below the current minimum (static floor or the rolling minimum after evictions). */
    FEE_RATE_TOO_LOW,
    /** The expiry height is below the next block's height. */
    EXPIRED,
    /** Arrived longer ago than the maximum age (only when reloading). */
    TOO_OLD,
    /** Same sender and nonce as a pending transaction without the required fee and fee-rate bump. */
    REPLACEMENT_UNDERPAID,
    /** The sender already has the maximum count or bytes of pending transactions. */
    SENDER_LIMIT,
    /** The pool is full and this transaction pays less than what would have to leave. */
    POOL_FULL,
    /** The account state could not be read from the node. */
    ACCOUNT_UNAVAILABLE;

    /** The pool reason for a stateless rule. */
    public static PoolRejectReason of(TxRejectReason reason) {
        return valueOf(reason.name());
    }
}
