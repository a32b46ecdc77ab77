package io.numicoin.node.p2p.peers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Addresses exempt from the per-address inbound caps and from address bans (never from a ban of the
 * peer id): loopback when {@code loopback} is set (a local devnet runs every node on 127.0.0.1), and
 * the configured allow-list of addresses or CIDR blocks ({@code 10.1.2.0/24}, {@code fd00::/8}).
 */
public final class ExemptAddresses {

    private record Block(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            return rest == 0 || ((address[full] ^ prefix[full]) & (0xFF << (8 - rest)) & 0xFF) == 0;
        }
    }

    private final boolean loopback;
    private final List<Block> allowList;

    /**
     * @param loopback  whether loopback addresses (127.0.0.0/8, ::1) are exempt
     * @param allowList addresses or CIDR blocks, literal IPs only (no host names)
     * @throws IllegalArgumentException for an entry that is not an IP literal with an optional prefix length
     */
    public ExemptAddresses(boolean loopback, List<String> allowList) {
        this.loopback = loopback;
        this.allowList = allowList.stream().map(ExemptAddresses::parse).toList();
    }

    /** Loopback exempt, nothing else: what a node without configuration does. */
    public static ExemptAddresses loopbackOnly() {
        return new ExemptAddresses(true, List.of());
    }

    /** Nothing exempt. */
    public static ExemptAddresses none() {
        return new ExemptAddresses(false, List.of());
    }

    public boolean isExempt(InetAddress address) {
        if (loopback && address.isLoopbackAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        return allowList.stream().anyMatch(b -> b.contains(bytes));
    }

    private static Block parse(String entry) {
        String text = entry.strip();
        int slash = text.indexOf('/');
        String ip = slash < 0 ? text : text.substring(0, slash);
        if (ip.isEmpty() || !ip.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
        }
        byte[] prefix;
        try {
            prefix = InetAddress.getByName(ip).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address or CIDR block: " + entry, e);
        }
        int bits = prefix.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in " + entry, e);
            }
            if (bits < 0 || bits > prefix.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + entry);
            }
        }
        return new Block(prefix, bits);
    }
}
