package io.numicoin.protocol.tx;

/** Size and count limits that are consensus rules on every network. */
public final class ProtocolLimits {

    /** A serialized block is at most 2 MiB. */
    public static final int MAX_BLOCK_BYTES = 2 * 1024 * 1024;
    /** A block has at most 10,000 transactions, coinbase included. */
    public static final int MAX_BLOCK_TRANSACTIONS = 10_000;
    /** A serialized transaction is at most 64 KiB. */
    public static final int MAX_TRANSACTION_BYTES = 64 * 1024;
    /** A memo is at most 256 bytes. */
    public static final int MAX_MEMO_BYTES = 256;
    /** A coinbase reward becomes spendable this many blocks after the block that paid it. */
    public static final int COINBASE_MATURITY = 100;

    private ProtocolLimits() {
    }
}
