package io.numicoin.node.p2p.peers;

/**
 * Connection limits the {@link ConnectionManager} enforces.
 *
 * @param maxOutbound outbound connections this node keeps (Bitcoin Core: 8 full-relay)
 * @param maxInbound inbound connections accepted before eviction starts
 * @param maxOutboundPerGroup outbound connections into one {@link AddressGroup}
 * @param maxInboundPerIp inbound connections from one IP address (exempt addresses excepted)
 * @param maxInboundPerSubnet inbound connections from one /24 (IPv4) or /64 (IPv6) (exempt addresses excepted)
 */
public record ConnectionLimits(int maxOutbound, int maxInbound, int maxOutboundPerGroup, int maxInboundPerIp,
        int maxInboundPerSubnet) {

    public ConnectionLimits {
        if (maxOutbound < 0 || maxInbound < 0 || maxOutboundPerGroup < 1 || maxInboundPerIp < 1 || maxInboundPerSubnet < 1) {
            throw new IllegalArgumentException("limits must not be negative, per group, IP and subnet at least 1");
        }
    }

    /** Outbound and inbound totals as given, per-address caps at their defaults. */
    public ConnectionLimits(int maxOutbound, int maxInbound, int maxOutboundPerGroup) {
        this(maxOutbound, maxInbound, maxOutboundPerGroup, 4, 16);
    }

    public static ConnectionLimits defaults() {
        return new ConnectionLimits(8, 117, 2, 4, 16);
    }
}
