package io.numicoin.mempool.pool;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.money.Amount;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Account state held in a map: the unit tests' stand-in for the node's API. */
final class MapAccountSource implements AccountSource {

    private final Map<Address, AccountState> accounts = new ConcurrentHashMap<>();
    private final Set<Address> unavailable = new HashSet<>();

    MapAccountSource set(Address address, long balance, long nonce) {
        accounts.put(address, new AccountState(Amount.ofUnits(balance), nonce));
        return this;
    }

    void unavailable(Address address) {
        unavailable.add(address);
    }

    @Override
    public AccountState account(Address address) {
        if (unavailable.contains(address)) {
            throw new AccountUnavailableException("node down for " + address, null);
        }
        return accounts.getOrDefault(address, AccountState.EMPTY);
    }
}
