package io.numicoin.mempool.pool;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.TransferTx;
import java.util.Objects;

/**
 * A pending transfer with what the pool ranks and limits it by.
 *
 * @param size encoded bytes
 * @param feeRate fee in base units per 1,000 encoded bytes, rounded down
 * @param arrivalMillis when the mempool (or the node, for events) first received it, Unix ms
 */
public record PoolEntry(Hash256 txid, TransferTx tx, int size, long feeRate, long arrivalMillis) {

    public PoolEntry {
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(tx, "tx");
    }

    /** The entry for {@code tx}: txid, size and fee rate computed. */
    public static PoolEntry of(TransferTx tx, long arrivalMillis) {
        int size = TransactionCodec.encodedSize(tx);
        return new PoolEntry(TransactionCodec.txid(tx), tx, size, feeRate(tx.fee().units(), size), arrivalMillis);
    }

    /** Base units per 1,000 bytes, rounded down ({@code fee} is below 2^51, so no overflow). */
    public static long feeRate(long fee, long size) {
        return fee * 1000 / size;
    }

    public Address sender() {
        return tx.sender();
    }

    public long nonce() {
        return tx.nonce();
    }

    public long fee() {
        return tx.fee().units();
    }

    /** What the sender's balance must cover: amount + fee. */
    public long cost() {
        return tx.amount().units() + tx.fee().units();
    }
}
