package io.numicoin.protocol.block;

import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import java.util.List;
import java.util.Objects;

/** A header and its transactions; the first transaction of a valid block is its coinbase. */
public record Block(BlockHeader header, List<Transaction> transactions) {

    public Block {
        Objects.requireNonNull(header, "header");
        transactions = List.copyOf(transactions);
    }

    /** The first transaction if it is a coinbase (validation rejects blocks where it is not). */
    public CoinbaseTx coinbase() {
        if (!transactions.isEmpty() && transactions.getFirst() instanceof CoinbaseTx coinbase) {
            return coinbase;
        }
        throw new IllegalStateException("block has no coinbase first");
    }

    public long height() {
        return header.height();
    }
}
