package io.numicoin.node.p2p.peers;

/**
 * Connection limits the {@link ConnectionManager} enforces.
 *
 * @param maxOutbound outbound connections this node keeps (Bitcoin Core: 8 full-relay)
 * @param maxInbound inbound connections accepted before eviction starts
 * @param maxOutboundPerGroup outbound connections into one {@link AddressGroup}
 */
public record ConnectionLimits(int maxOutbound, int maxInbound, int maxOutboundPerGroup) {

    public ConnectionLimits {
        if (maxOutbound < 0 || maxInbound < 0 || maxOutboundPerGroup < 1) {
            throw new IllegalArgumentException("limits must not be negative, per group at least 1");
        }
    }

    public static ConnectionLimits defaults() {
        return new ConnectionLimits(8, 117, 2);
    }
}
