package io.numicoin.protocol.validation;

/** Every consensus rule a block can break, in the order they are checked: header, body, state. */
public enum BlockRejectReason {
    // Header
    /** The header's version is not one this software knows. */
    UNSUPPORTED_VERSION,
    /** The height is not the parent's height + 1. */
    BAD_HEIGHT,
    /** The timestamp is not after the median of the last 11 blocks. */
    TIMESTAMP_NOT_AFTER_MEDIAN_TIME_PAST,
    /** The timestamp is further in the future than the future limit allows. */
    TIMESTAMP_TOO_FAR_IN_FUTURE,
    /** The target is not what the difficulty algorithm requires. */
    WRONG_DIFFICULTY,
    /** The Argon2id proof-of-work hash is above the target. */
    INSUFFICIENT_PROOF_OF_WORK,
    /** The block descends from a block already known to be invalid. */
    INVALID_ANCESTOR,
    /**
     * Not a broken rule but a limit of this node: the block would fork at or below the snapshot base
     * its state was loaded from, and it holds no bodies or undo data below that base to reorganise.
     */
    BELOW_SNAPSHOT_BASE,
    /**
     * Not a broken rule but an anti-DoS limit: the chain the block or header would extend has less
     * work than the node stores unasked (the minimum chain work, or too far below the active tip).
     */
    LOW_CHAIN_WORK,

    // Body, independent of state
    /** The transactions do not hash to the header's merkle root (a mutated or corrupted body). */
    MERKLE_ROOT_MISMATCH,
    /** The block has no transactions. */
    NO_TRANSACTIONS,
    /** More transactions than a block may hold. */
    TOO_MANY_TRANSACTIONS,
    /** The serialized block is larger than 2 MiB. */
    BLOCK_TOO_LARGE,
    /** The first transaction is not a coinbase. */
    COINBASE_MISSING,
    /** A coinbase appears after the first transaction. */
    COINBASE_NOT_FIRST,
    /** The coinbase's height is not the block's height. */
    COINBASE_HEIGHT_MISMATCH,
    /** A transaction commits to another chain id. */
    WRONG_CHAIN_ID,
    /** A serialized transaction is larger than 64 KiB. */
    TRANSACTION_TOO_LARGE,
    /** A transfer pays no fee. */
    ZERO_FEE,
    /** A transfer's sender is not the address of its spending policy. */
    SENDER_POLICY_MISMATCH,
    /** A transfer's signatures do not satisfy its spending policy. */
    BAD_SIGNATURE,

    // State
    /** A transfer's nonce is not the sender's account nonce + 1 (a replay or a gap). */
    BAD_NONCE,
    /** A sender cannot pay amount + fee from its spendable (matured) balance. */
    INSUFFICIENT_BALANCE,
    /** A transfer is included above its expiry height. */
    EXPIRED,
    /** The coinbase pays more than subsidy + fees. */
    COINBASE_AMOUNT_TOO_HIGH,
    /** A sum of amounts exceeds the money supply. */
    AMOUNT_OVERFLOW,
    /** The header's state commitment differs from the state the block produces. */
    STATE_COMMITMENT_MISMATCH;

    /**
     * True when the failure proves the header itself invalid, so the block id can be remembered
     * as invalid. False for {@link #MERKLE_ROOT_MISMATCH}: a peer can send a valid header with a
     * wrong body, and that must not poison the block id for the honest body. False for
     * {@link #BELOW_SNAPSHOT_BASE} and {@link #LOW_CHAIN_WORK}, which say nothing about the block.
     */
    public boolean invalidatesHeader() {
        return this != MERKLE_ROOT_MISMATCH && this != BELOW_SNAPSHOT_BASE && this != LOW_CHAIN_WORK;
    }

    /**
     * True for a rule the relay check ({@code io.numicoin.protocol.chain.BlockRelayCheck}) does not
     * look at: the rest of the body (coinbase, every transaction's rules and signatures) and the
     * state. A block can break one with a valid header and proof of work, so an honest node may
     * have forwarded it before its own import found out: its sender is not provably malicious.
     * False for the header, the proof of work and the body's commitment (count, merkle root, size),
     * which a relay checks first, and for the limits and ancestry reasons.
     */
    public boolean escapesRelayCheck() {
        return switch (this) {
            case COINBASE_MISSING, COINBASE_NOT_FIRST, COINBASE_HEIGHT_MISMATCH, WRONG_CHAIN_ID, TRANSACTION_TOO_LARGE, ZERO_FEE,
                    SENDER_POLICY_MISMATCH, BAD_SIGNATURE, BAD_NONCE, INSUFFICIENT_BALANCE, EXPIRED, COINBASE_AMOUNT_TOO_HIGH,
                    AMOUNT_OVERFLOW, STATE_COMMITMENT_MISMATCH -> true;
            default -> false;
        };
    }
}
