package io.numicoin.protocol.state;

import io.numicoin.protocol.address.Address;
import java.util.Objects;

/**
 * An account together with its address. In the state set only non-empty accounts appear; in a
 * {@link StateChanges} an empty account means "absent after the change".
 */
public record AccountEntry(Address address, Account account) implements StateElement {

    public AccountEntry {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(account, "account");
    }
}
