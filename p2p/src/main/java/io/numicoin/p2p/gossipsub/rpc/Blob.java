package io.numicoin.p2p.gossipsub.rpc;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string: a pubsub message's data, a message id, a seqno, a signature. Copies in
 * on {@link #of}, copies out on {@link #toArray}; the decoder wraps the slice it already copied.
 */
public final class Blob implements Comparable<Blob> {

    public static final Blob EMPTY = new Blob(new byte[0]);

    private final byte[] bytes;
    private int hash;

    private Blob(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Blob of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Blob(bytes.clone());
    }

    public static Blob of(byte[] bytes, int offset, int length) {
        return length == 0 ? EMPTY : new Blob(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    public static Blob ofHex(String hex) {
        return wrap(HexFormat.of().parseHex(hex));
    }

    /** Takes ownership of {@code bytes}: the caller must not touch the array afterwards. */
    static Blob wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Blob(bytes);
    }

    public int size() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** This blob followed by {@code other}. */
    public Blob concat(Blob other) {
        byte[] joined = Arrays.copyOf(bytes, bytes.length + other.bytes.length);
        System.arraycopy(other.bytes, 0, joined, bytes.length, other.bytes.length);
        return wrap(joined);
    }

    void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Blob other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(bytes);
            hash = h;
        }
        return h;
    }

    @Override
    public int compareTo(Blob other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** Hex, shortened past 32 bytes. */
    @Override
    public String toString() {
        if (bytes.length <= 32) {
            return toHex();
        }
        return HexFormat.of().formatHex(bytes, 0, 16) + "…(" + bytes.length + " bytes)";
    }
}
