package io.numicoin.p2p.host;

import java.nio.charset.StandardCharsets;

/**
 * A libp2p protocol id as negotiated by multistream-select, e.g. {@code /ipfs/ping/1.0.0}: 1 to
 * {@value #MAX_LENGTH} bytes of printable ASCII, starting with '/'.
 */
public record ProtocolId(String value) {

    /** Longest id accepted; multistream lines carrying one are bounded accordingly. */
    public static final int MAX_LENGTH = 256;

    public ProtocolId {
        if (value.isEmpty() || value.length() > MAX_LENGTH || value.charAt(0) != '/') {
            throw new IllegalArgumentException("a protocol id is 1.." + MAX_LENGTH + " characters starting with '/': '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException("a protocol id is printable ASCII without spaces: '" + value + "'");
            }
        }
    }

    public static ProtocolId of(String value) {
        return new ProtocolId(value);
    }

    public byte[] toBytes() {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return value;
    }
}
