package io.numicoin.p2p.multiaddr;

/**
 * The multiaddr protocols this module reads and writes (codes from multiformats/multicodec).
 * {@code size} is the value's fixed length in bytes, 0 for none, -1 for a varint-length-prefixed one.
 */
public enum Protocol {
    IP4(4, "ip4", 4),
    TCP(6, "tcp", 2),
    UDP(273, "udp", 2),
    IP6(41, "ip6", 16),
    DNS(53, "dns", -1),
    DNS4(54, "dns4", -1),
    DNS6(55, "dns6", -1),
    DNSADDR(56, "dnsaddr", -1),
    QUIC_V1(461, "quic-v1", 0),
    WS(477, "ws", 0),
    P2P(421, "p2p", -1);

    private final int code;
    private final String text;
    private final int size;

    Protocol(int code, String text, int size) {
        this.code = code;
        this.text = text;
        this.size = size;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    /** Fixed value length in bytes, 0 for no value, -1 for a length-prefixed value. */
    public int size() {
        return size;
    }

    public static Protocol byCode(long code) {
        for (Protocol p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        throw new MultiaddrException("unsupported multiaddr protocol code " + code);
    }

    public static Protocol byText(String text) {
        if (text.equals("ipfs")) {
            return P2P;
        }
        for (Protocol p : values()) {
            if (p.text.equals(text)) {
                return p;
            }
        }
        throw new MultiaddrException("unsupported multiaddr protocol '" + text + "'");
    }
}
