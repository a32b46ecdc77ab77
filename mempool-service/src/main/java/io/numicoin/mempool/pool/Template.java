package io.numicoin.mempool.pool;

import java.util.List;

/**
 * Transactions for the next block on {@code tip}, in block order (after the coinbase).
 *
 * @param totalBytes sum of the transactions' encoded sizes
 * @param totalFees sum of their fees, base units
 */
public record Template(ChainTip tip, List<PoolEntry> transactions, long totalBytes, long totalFees) {

    public Template {
        transactions = List.copyOf(transactions);
    }
}
