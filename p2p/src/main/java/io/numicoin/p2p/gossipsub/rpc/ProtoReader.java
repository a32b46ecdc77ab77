package io.numicoin.p2p.gossipsub.rpc;

import io.numicoin.p2p.gossipsub.rpc.RpcDecodeException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads protobuf wire format from a byte array window, refusing anything malformed with a typed
 * {@link RpcDecodeException}. Lengths are checked against the window before anything is allocated.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] buffer;
    private int position;
    private final int limit;

    ProtoReader(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
    }

    boolean hasMore() {
        return position < limit;
    }

    /** Reads a field tag; the field number is {@code tag >>> 3}, the wire type {@code tag & 7}. */
    int readTag() throws RpcDecodeException {
        long tag = readVarint();
        if (tag >>> 3 == 0 || tag >>> 3 > 0x1FFF_FFFF) {
            throw new RpcDecodeException(Reason.BAD_WIRE_TYPE, "field number out of range in tag " + tag);
        }
        int wireType = (int) (tag & 7);
        if (wireType != VARINT && wireType != FIXED64 && wireType != LENGTH_DELIMITED && wireType != FIXED32) {
            throw new RpcDecodeException(Reason.BAD_WIRE_TYPE, "wire type " + wireType);
        }
        return (int) tag;
    }

    long readVarint() throws RpcDecodeException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= limit) {
                throw new RpcDecodeException(Reason.TRUNCATED, "varint");
            }
            byte b = buffer[position++];
            if (shift == 63 && (b & 0xFE) != 0) {
                throw new RpcDecodeException(Reason.MALFORMED_VARINT, "varint over 64 bits");
            }
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new RpcDecodeException(Reason.MALFORMED_VARINT, "varint longer than 10 bytes");
    }

    boolean readBool() throws RpcDecodeException {
        return readVarint() != 0;
    }

    /** A length-delimited field's bytes, refused as {@code tooLarge} when over {@code maxBytes}. */
    Blob readBytes(int maxBytes, Reason tooLarge) throws RpcDecodeException {
        int length = readLength(maxBytes, tooLarge);
        Blob blob = Blob.of(buffer, position, length);
        position += length;
        return blob;
    }

    String readString(int maxBytes) throws RpcDecodeException {
        int length = readLength(maxBytes, Reason.FIELD_TOO_LARGE);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer, position, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RpcDecodeException(Reason.INVALID_UTF8, "string field");
        }
        position += length;
        return text;
    }

    /** The window of a nested message; this reader moves past it. */
    ProtoReader readNested(int maxBytes, Reason tooLarge) throws RpcDecodeException {
        int length = readLength(maxBytes, tooLarge);
        ProtoReader nested = new ProtoReader(buffer, position, length);
        position += length;
        return nested;
    }

    void skip(int wireType) throws RpcDecodeException {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case FIXED32 -> advance(4);
            case LENGTH_DELIMITED -> advance(readLength(Integer.MAX_VALUE, Reason.TRUNCATED));
            default -> throw new RpcDecodeException(Reason.BAD_WIRE_TYPE, "wire type " + wireType);
        }
    }

    static void expectWireType(int tag, int wireType) throws RpcDecodeException {
        if ((tag & 7) != wireType) {
            throw new RpcDecodeException(Reason.BAD_WIRE_TYPE,
                    "field " + (tag >>> 3) + " has wire type " + (tag & 7) + ", expected " + wireType);
        }
    }

    private void advance(int count) throws RpcDecodeException {
        if (limit - position < count) {
            throw new RpcDecodeException(Reason.TRUNCATED, count + " bytes");
        }
        position += count;
    }

    private int readLength(int maxBytes, Reason tooLarge) throws RpcDecodeException {
        long length = readVarint();
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new RpcDecodeException(Reason.MALFORMED_VARINT, "length " + Long.toUnsignedString(length));
        }
        if (length > limit - position) {
            throw new RpcDecodeException(Reason.TRUNCATED, "field of " + length + " bytes");
        }
        if (length > maxBytes) {
            throw new RpcDecodeException(tooLarge, length + " bytes, limit " + maxBytes);
        }
        return (int) length;
    }
}
