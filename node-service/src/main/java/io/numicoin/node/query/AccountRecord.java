package io.numicoin.node.query;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.money.Amount;
import java.util.Objects;

/**
 * An account after the active chain's tip.
 *
 * @param balance spendable units (absent accounts read as zero)
 * @param nonce the nonce of its last transfer (the next one must use nonce + 1)
 * @param immature coinbase rewards paid to it that have not matured yet
 * @param tipHeight the height these figures belong to (-1 before the node stored a tip)
 */
public record AccountRecord(Address address, Amount balance, long nonce, Amount immature, long tipHeight) {

    public AccountRecord {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(immature, "immature");
    }
}
