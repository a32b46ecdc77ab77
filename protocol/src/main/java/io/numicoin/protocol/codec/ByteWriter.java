package io.numicoin.protocol.codec;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;
import java.util.Arrays;

/** Writes big-endian fixed-width fields into a growing buffer. Not thread-safe. */
public final class ByteWriter {

    private byte[] buffer;
    private int size;

    public ByteWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        int needed = Math.addExact(size, extra);
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }

    public ByteWriter u8(int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("u8 out of range: " + value);
        }
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public ByteWriter u16(int value) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("u16 out of range: " + value);
        }
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Writes the low 32 bits of {@code value}. */
    public ByteWriter i32(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public ByteWriter i64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public ByteWriter bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
        return this;
    }

    public ByteWriter bytes(Bytes value) {
        ensure(value.length());
        value.copyTo(buffer, size);
        size += value.length();
        return this;
    }

    public ByteWriter hash(Hash256 value) {
        return bytes(value.bytes());
    }

    /** A u16 length prefix followed by the bytes. */
    public ByteWriter varBytes16(Bytes value) {
        return u16(value.length()).bytes(value);
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }
}
