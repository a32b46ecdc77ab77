package io.numicoin.protocol.bytes;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable sequence of bytes. Every constructor copies, every accessor copies out, so a
 * {@code Bytes} can be shared freely between threads and stored in records.
 */
public final class Bytes implements Comparable<Bytes> {

    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** A copy of {@code data}. */
    public static Bytes of(byte... data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** A copy of {@code data[offset, offset + length)}. */
    public static Bytes of(byte[] data, int offset, int length) {
        return new Bytes(Arrays.copyOfRange(data, offset, Math.addExact(offset, length)));
    }

    /**
     * Parses lower- or upper-case hex with no prefix or separators.
     *
     * @throws IllegalArgumentException if {@code hex} is not an even-length hex string
     */
    public static Bytes fromHex(String hex) {
        if ((hex.length() & 1) != 0) {
            throw new IllegalArgumentException("hex string has odd length " + hex.length());
        }
        return new Bytes(HEX.parseHex(hex));
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public byte get(int index) {
        return data[index];
    }

    /** A fresh copy of the content. */
    public byte[] toArray() {
        return data.clone();
    }

    /** Copies the content into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(data, 0, target, offset, data.length);
    }

    public Bytes slice(int from, int to) {
        return new Bytes(Arrays.copyOfRange(data, from, to));
    }

    public Bytes concat(Bytes other) {
        byte[] joined = Arrays.copyOf(data, data.length + other.data.length);
        System.arraycopy(other.data, 0, joined, data.length, other.data.length);
        return new Bytes(joined);
    }

    public String toHex() {
        return HEX.formatHex(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    /** Unsigned lexicographic order. */
    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(data, other.data);
    }

    @Override
    public String toString() {
        return data.length <= 64 ? toHex() : toHex().substring(0, 64) + "...(" + data.length + " bytes)";
    }
}
