package io.numicoin.miner.assembly;

import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.TransferTx;
import java.util.List;
import java.util.Objects;

/**
 * What the mempool offers for the next block: transfers in block order, valid on {@code tipId}.
 * {@link #fees()} is recomputed from the transfers, never trusted from the wire.
 */
public record BlockTemplate(Hash256 tipId, long tipHeight, List<TransferTx> transactions) {

    public BlockTemplate {
        Objects.requireNonNull(tipId, "tipId");
        transactions = List.copyOf(transactions);
    }

    /** A template with no transfers (coinbase only) on the given tip. */
    public static BlockTemplate empty(Hash256 tipId, long tipHeight) {
        return new BlockTemplate(tipId, tipHeight, List.of());
    }

    /** The sum of the transfers' fees. */
    public Amount fees() {
        Amount total = Amount.ZERO;
        for (TransferTx tx : transactions) {
            total = total.plus(tx.fee());
        }
        return total;
    }

    public long height() {
        return tipHeight + 1;
    }
}
