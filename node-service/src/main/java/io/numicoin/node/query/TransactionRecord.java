package io.numicoin.node.query;

import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.Transaction;
import java.util.Objects;

/**
 * A transaction on the active chain and where it is.
 *
 * @param position its index in the block (0 = the coinbase)
 * @param blockTimestamp the block header's timestamp (Unix seconds)
 * @param confirmations blocks from its block to the tip, inclusive
 * @param size its encoded size in bytes
 */
public record TransactionRecord(
        Hash256 txid,
        Transaction transaction,
        Hash256 blockId,
        long height,
        int position,
        long blockTimestamp,
        long confirmations,
        int size) {

    public TransactionRecord {
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(blockId, "blockId");
    }
}
