package io.numicoin.protocol.codec;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;

/**
 * Reads big-endian fixed-width fields from a byte array, checking every length against what is
 * left before it allocates anything. Not thread-safe: one reader per decode.
 */
public final class ByteReader {

    private final byte[] data;
    private int position;

    public ByteReader(byte[] data) {
        this.data = data;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return data.length - position;
    }

    private void require(int count, String field) throws DecodeException {
        if (count < 0 || count > remaining()) {
            throw new DecodeException(DecodeError.TRUNCATED,
                    field + " needs " + count + " bytes at offset " + position + ", " + remaining() + " left");
        }
    }

    public int u8(String field) throws DecodeException {
        require(1, field);
        return data[position++] & 0xff;
    }

    public int u16(String field) throws DecodeException {
        require(2, field);
        int v = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        return v;
    }

    /** An unsigned 32-bit value that must be at most {@code max} (so it fits an int). */
    public int u32(String field, int max) throws DecodeException {
        long v = u32(field);
        if (v > max) {
            throw new DecodeException(DecodeError.TOO_LARGE, field + " is " + v + ", at most " + max);
        }
        return (int) v;
    }

    public long u32(String field) throws DecodeException {
        require(4, field);
        long v = ((long) (data[position] & 0xff) << 24) | ((data[position + 1] & 0xff) << 16)
                | ((data[position + 2] & 0xff) << 8) | (data[position + 3] & 0xff);
        position += 4;
        return v;
    }

    /** A raw 32-bit word (compact targets, chain ids): all 2^32 values are valid. */
    public int i32(String field) throws DecodeException {
        return (int) u32(field);
    }

    /** An unsigned 64-bit value that must fit a non-negative long. */
    public long u63(String field) throws DecodeException {
        long v = i64(field);
        if (v < 0) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, field + " is above 2^63 - 1");
        }
        return v;
    }

    /** A raw 64-bit word (nonces): all 2^64 values are valid. */
    public long i64(String field) throws DecodeException {
        require(8, field);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (data[position + i] & 0xff);
        }
        position += 8;
        return v;
    }

    public byte[] bytes(int count, String field) throws DecodeException {
        require(count, field);
        byte[] out = new byte[count];
        System.arraycopy(data, position, out, 0, count);
        position += count;
        return out;
    }

    public Hash256 hash(String field) throws DecodeException {
        return Hash256.of(bytes(Hash256.SIZE, field));
    }

    /** A u16 length prefix (at most {@code max}) followed by that many bytes. */
    public Bytes varBytes16(String field, int max) throws DecodeException {
        int length = u16(field + " length");
        if (length > max) {
            throw new DecodeException(DecodeError.TOO_LARGE, field + " has " + length + " bytes, at most " + max);
        }
        return Bytes.of(bytes(length, field));
    }

    /** Fails unless every byte was consumed. */
    public void expectEnd(String what) throws DecodeException {
        if (remaining() != 0) {
            throw new DecodeException(DecodeError.TRAILING_BYTES, remaining() + " bytes after the end of " + what);
        }
    }
}
