package io.numicoin.node.relay;

/**
 * What a node relays (policy, not consensus), the same defaults as the mempool's limits so that a
 * transfer the node relays is one the mempool would take.
 *
 * @param minFeeRate base units of fee per 1,000 encoded bytes ({@code fee * 1000 / size}, rounded down)
 * @param maxFutureNonces how far past the account's next nonce a relayed transfer's nonce may be
 * @param recentCapacity how many txids the node remembers as already heard (oldest forgotten first)
 */
public record RelayPolicy(long minFeeRate, int maxFutureNonces, int recentCapacity) {

    public static final RelayPolicy DEFAULTS = new RelayPolicy(1000, 16, 100_000);

    public RelayPolicy {
        if (minFeeRate < 0 || maxFutureNonces < 0 || recentCapacity <= 0) {
            throw new IllegalArgumentException("invalid relay policy: minFeeRate " + minFeeRate + ", maxFutureNonces "
                    + maxFutureNonces + ", recentCapacity " + recentCapacity);
        }
    }
}
