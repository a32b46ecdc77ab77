package io.numicoin.p2p.multiaddr;

import io.numicoin.p2p.peer.Base58;
import io.numicoin.p2p.peer.PeerId;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One protocol/value pair of a multiaddr, the value held in its binary form (an IPv4 address as 4
 * bytes, a port as 2 big-endian bytes, a DNS name as UTF-8, a peer id as its multihash).
 */
public record Component(Protocol protocol, byte[] value) {

    /** Longest DNS name accepted (RFC 1035). */
    public static final int MAX_DNS_NAME = 253;

    public Component {
        value = value.clone();
        checkValue(protocol, value);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Parses the text form of a value, e.g. {@code 127.0.0.1} for ip4. */
    public static Component parse(Protocol protocol, String text) {
        return new Component(protocol, switch (protocol) {
            case IP4 -> parseIp4(text);
            case IP6 -> parseIp6(text);
            case TCP, UDP -> parsePort(text);
            case DNS, DNS4, DNS6, DNSADDR -> text.getBytes(StandardCharsets.UTF_8);
            case P2P -> parsePeerId(text);
            case QUIC_V1, WS -> new byte[0];
        });
    }

    /** The text form of the value (empty for protocols without one). */
    public String valueText() {
        return switch (protocol) {
            case IP4, IP6 -> address().getHostAddress();
            case TCP, UDP -> Integer.toString(port());
            case DNS, DNS4, DNS6, DNSADDR -> new String(value, StandardCharsets.UTF_8);
            case P2P -> Base58.encode(value);
            case QUIC_V1, WS -> "";
        };
    }

    public InetAddress address() {
        if (protocol != Protocol.IP4 && protocol != Protocol.IP6) {
            throw new IllegalStateException(protocol + " has no IP address");
        }
        try {
            // Inet6Address keeps an IPv4-mapped address in its IPv6 form
            return protocol == Protocol.IP6 ? Inet6Address.getByAddress(null, value, null) : InetAddress.getByAddress(value);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        if (protocol != Protocol.TCP && protocol != Protocol.UDP) {
            throw new IllegalStateException(protocol + " has no port");
        }
        return ((value[0] & 0xFF) << 8) | (value[1] & 0xFF);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Component other && protocol == other.protocol && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return protocol.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return protocol.size() == 0 ? "/" + protocol.text() : "/" + protocol.text() + "/" + valueText();
    }

    private static void checkValue(Protocol protocol, byte[] value) {
        if (protocol.size() >= 0 && value.length != protocol.size()) {
            throw new MultiaddrException(protocol.text() + " value must have " + protocol.size() + " bytes");
        }
        switch (protocol) {
            case DNS, DNS4, DNS6, DNSADDR -> checkDnsName(value);
            case P2P -> {
                try {
                    PeerId.fromBytes(value);
                } catch (IllegalArgumentException e) {
                    throw new MultiaddrException("bad p2p value: " + e.getMessage());
                }
            }
            default -> {
            }
        }
    }

    private static void checkDnsName(byte[] value) {
        if (value.length == 0 || value.length > MAX_DNS_NAME) {
            throw new MultiaddrException("DNS name must have 1.." + MAX_DNS_NAME + " bytes");
        }
        for (byte b : value) {
            boolean ok = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || b == '-' || b == '.' || b == '_';
            if (!ok) {
                throw new MultiaddrException("DNS name holds a character outside [A-Za-z0-9._-]");
            }
        }
    }

    private static byte[] parseIp4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new MultiaddrException("not an IPv4 address: '" + text + "'");
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (p.length() > 1 && p.charAt(0) == '0')) {
                throw new MultiaddrException("not an IPv4 address: '" + text + "'");
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                throw new MultiaddrException("not an IPv4 address: '" + text + "'");
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] parseIp6(String text) {
        if (text.isEmpty() || text.length() > 45 || !text.contains(":")
                || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            throw new MultiaddrException("not an IPv6 address: '" + text + "'");
        }
        try {
            byte[] raw = InetAddress.getByName(text).getAddress(); // a literal: no DNS lookup
            if (raw.length == 4) { // an IPv4-mapped literal comes back as 4 bytes
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(raw, 0, mapped, 12, 4);
                return mapped;
            }
            return raw;
        } catch (UnknownHostException e) {
            throw new MultiaddrException("not an IPv6 address: '" + text + "'");
        }
    }

    private static byte[] parsePort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MultiaddrException("not a port: '" + text + "'");
        }
        int port = Integer.parseInt(text);
        if (port > 65535) {
            throw new MultiaddrException("port out of range: " + port);
        }
        return new byte[] {(byte) (port >> 8), (byte) port};
    }

    private static byte[] parsePeerId(String text) {
        try {
            return PeerId.fromBase58(text).toBytes();
        } catch (IllegalArgumentException e) {
            throw new MultiaddrException("not a peer id: '" + text + "'");
        }
    }
}
