package io.numicoin.protocol.hash;

import io.numicoin.protocol.bytes.Bytes;
import java.util.Objects;

/** A 256-bit hash: block ids, txids, merkle roots, addresses' policy hashes, state commitments. */
public record Hash256(Bytes bytes) implements Comparable<Hash256> {

    public static final int SIZE = 32;

    public static final Hash256 ZERO = new Hash256(Bytes.of(new byte[SIZE]));

    public Hash256 {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length() != SIZE) {
            throw new IllegalArgumentException("a Hash256 has " + SIZE + " bytes, got " + bytes.length());
        }
    }

    public static Hash256 of(byte[] bytes) {
        return new Hash256(Bytes.of(bytes));
    }

    public static Hash256 fromHex(String hex) {
        return new Hash256(Bytes.fromHex(hex));
    }

    public byte[] toArray() {
        return bytes.toArray();
    }

    public String toHex() {
        return bytes.toHex();
    }

    @Override
    public int compareTo(Hash256 other) {
        return bytes.compareTo(other.bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
