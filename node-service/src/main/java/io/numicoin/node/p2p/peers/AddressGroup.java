package io.numicoin.node.p2p.peers;

import io.numicoin.p2p.multiaddr.Component;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.multiaddr.Protocol;

/**
 * The network group an address belongs to, for outbound diversity and eviction: the /16 of an IPv4
 * address, the /32 of an IPv6 address (an IPv4-mapped IPv6 address counts as its IPv4 /16), the name
 * of a DNS address. Loopback and other local addresses share one group, {@code local}.
 */
public final class AddressGroup {

    /** Loopback, unspecified and link-local addresses: one group, exempt from the outbound group limit. */
    public static final String LOCAL = "local";

    private AddressGroup() {
    }

    public static String of(Multiaddr address) {
        Component first = address.components().getFirst();
        byte[] ip = first.value();
        return switch (first.protocol()) {
            case IP4 -> ipv4(ip, 0, first);
            case IP6 -> isMappedIpv4(ip) ? ipv4(ip, 12, first) : ipv6(ip, first);
            case DNS, DNS4, DNS6, DNSADDR -> "dns:" + first.valueText().toLowerCase(java.util.Locale.ROOT);
            default -> first.protocol() == Protocol.P2P ? "p2p" : "other";
        };
    }

    /** The IP address of {@code address}, when it starts with one (not for DNS names). */
    public static java.util.Optional<java.net.InetAddress> ipOf(Multiaddr address) {
        Component first = address.components().getFirst();
        return first.protocol() == Protocol.IP4 || first.protocol() == Protocol.IP6
                ? java.util.Optional.of(first.address()) : java.util.Optional.empty();
    }

    /**
     * The subnet inbound connections are capped by: the /24 of an IPv4 address (also IPv4-mapped), the
     * /64 of an IPv6 address — what one operator typically controls.
     */
    public static String inboundSubnet(java.net.InetAddress address) {
        byte[] ip = address.getAddress();
        if (ip.length == 4) {
            return "ip4:" + (ip[0] & 0xFF) + "." + (ip[1] & 0xFF) + "." + (ip[2] & 0xFF) + ".0/24";
        }
        if (isMappedIpv4(ip)) {
            return "ip4:" + (ip[12] & 0xFF) + "." + (ip[13] & 0xFF) + "." + (ip[14] & 0xFF) + ".0/24";
        }
        return String.format("ip6:%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64", ip[0], ip[1], ip[2], ip[3], ip[4], ip[5], ip[6], ip[7]);
    }

    private static String ipv4(byte[] ip, int offset, Component c) {
        if (c.address().isLoopbackAddress() || c.address().isAnyLocalAddress()) {
            return LOCAL;
        }
        return "ip4:" + (ip[offset] & 0xFF) + "." + (ip[offset + 1] & 0xFF);
    }

    private static String ipv6(byte[] ip, Component c) {
        if (c.address().isLoopbackAddress() || c.address().isAnyLocalAddress() || c.address().isLinkLocalAddress()) {
            return LOCAL;
        }
        return String.format("ip6:%02x%02x:%02x%02x", ip[0], ip[1], ip[2], ip[3]);
    }

    private static boolean isMappedIpv4(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[10] == (byte) 0xFF && ip[11] == (byte) 0xFF;
    }
}
