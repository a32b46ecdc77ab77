package io.numicoin.mempool.pool;

import io.numicoin.protocol.address.Address;

/**
 * Where the mempool reads account state after the tip. The service reads the node's API
 * ({@code NodeAccountSource}); unit tests and benchmarks use a map. Implementations are thread-safe.
 */
public interface AccountSource {

    /**
     * The account of {@code address} after the current tip ({@link AccountState#EMPTY} if it never received).
     *
     * @throws AccountUnavailableException if the state cannot be read now (node down, timeout)
     */
    AccountState account(Address address);

    /** The tip changed: forget anything cached. */
    default void tipChanged() {
    }
}
