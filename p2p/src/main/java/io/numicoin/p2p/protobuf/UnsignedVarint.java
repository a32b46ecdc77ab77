package io.numicoin.p2p.protobuf;

import io.netty.buffer.ByteBuf;

/**
 * The multiformats unsigned varint (LEB128): at most 9 bytes (63 bits) and minimally encoded — a
 * trailing zero byte, a tenth byte or a value over the caller's bound is refused. Used for every
 * length prefix in this module (multistream, multiaddr, request/response, stream frames).
 */
public final class UnsignedVarint {

    /** The longest encoding accepted. */
    public static final int MAX_BYTES = 9;

    /** Returned by {@link #tryRead} when the buffer does not yet hold a complete varint. */
    public static final long INCOMPLETE = -1;

    private UnsignedVarint() {
    }

    /** Number of bytes {@code value} (non-negative) takes. */
    public static int size(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative varint " + value);
        }
        int n = 1;
        while ((value >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    public static byte[] encode(long value) {
        byte[] out = new byte[size(value)];
        int i = 0;
        while ((value & ~0x7FL) != 0) {
            out[i++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[i] = (byte) value;
        return out;
    }

    public static void write(ByteBuf out, long value) {
        out.writeBytes(encode(value));
    }

    /**
     * Reads a varint from {@code in} if it holds a complete one; otherwise leaves the reader index
     * alone and returns {@link #INCOMPLETE}.
     *
     * @throws ProtobufException on an overlong or non-minimal encoding, or a value above {@code max}
     */
    public static long tryRead(ByteBuf in, long max) throws ProtobufException {
        int start = in.readerIndex();
        int available = in.readableBytes();
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (i >= available) {
                return INCOMPLETE;
            }
            int b = in.getUnsignedByte(start + i);
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new ProtobufException("non-minimal varint");
                }
                if (value > max) {
                    throw new ProtobufException("varint " + value + " exceeds " + max);
                }
                in.readerIndex(start + i + 1);
                return value;
            }
        }
        throw new ProtobufException("varint longer than " + MAX_BYTES + " bytes");
    }

    /** Reads a varint from {@code data} at {@code offset}; returns value and the bytes used. */
    public static Decoded decode(byte[] data, int offset, long max) throws ProtobufException {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (offset + i >= data.length) {
                throw new ProtobufException("truncated varint");
            }
            int b = data[offset + i] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new ProtobufException("non-minimal varint");
                }
                if (value > max) {
                    throw new ProtobufException("varint " + value + " exceeds " + max);
                }
                return new Decoded(value, i + 1);
            }
        }
        throw new ProtobufException("varint longer than " + MAX_BYTES + " bytes");
    }

    /** A decoded value and how many bytes its encoding took. */
    public record Decoded(long value, int length) {
    }
}
