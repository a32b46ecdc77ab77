package io.numicoin.node.storage;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.state.Account;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded LRU of account values ({@link Account#ZERO} for absent accounts) in front of the
 * {@code accounts} table.
 *
 * <p><b>Why it stays consistent.</b> The node is the table's only writer and all its writes go
 * through {@link PostgresChainStore#connect} / {@link PostgresChainStore#disconnect}, which update
 * the cache with the values they wrote after their transaction committed — or, for a deferred
 * connect, when it is handed to the commit thread: what is built on it then is thrown away with it if
 * it fails — and clear it when a transaction fails. The cache is filled and read only by the importer's view, which runs under
 * the chain service's import lock, so no reader can put back a value older than a committed write.
 * Other readers (the API) query the table directly. Not thread-safe by itself: confined to the
 * import lock.
 */
final class AccountCache {

    private final int capacity;
    private final LinkedHashMap<Address, Account> entries;

    AccountCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Address, Account> eldest) {
                return size() > AccountCache.this.capacity;
            }
        };
    }

    Account get(Address address) {
        return capacity == 0 ? null : entries.get(address);
    }

    void put(Address address, Account account) {
        if (capacity > 0) {
            entries.put(address, account);
        }
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
