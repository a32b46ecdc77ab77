package io.numicoin.node.query;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.hash.Hash256;
import java.util.Objects;
import java.util.Optional;

/**
 * One transaction of an account's history on the active chain.
 *
 * @param sender empty for a coinbase
 */
public record AccountTxRecord(Hash256 txid, Hash256 blockId, long height, int position,
        Optional<Address> sender, Address recipient) {

    public AccountTxRecord {
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(blockId, "blockId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
    }

    /** Where this entry sits in the newest-first order, for paging. */
    public HistoryCursor cursor() {
        return new HistoryCursor(height, position);
    }
}
