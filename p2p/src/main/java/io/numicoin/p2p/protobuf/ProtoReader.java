package io.numicoin.p2p.protobuf;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A bounded protobuf (proto2/proto3 wire format) reader over one message's bytes. Callers loop
 * {@link #next()} and read or {@link #skip()} each field. Every length is checked against what is
 * left of the message and against the caller's bound; groups (wire types 3/4) and field numbers
 * outside 1..2^29-1 are refused, as are varints longer than 10 bytes.
 *
 * <pre>{@code
 * ProtoReader r = new ProtoReader(bytes);
 * while (r.next()) {
 *     switch (r.field()) {
 *         case 1 -> key = r.readBytes(64);
 *         default -> r.skip();
 *     }
 * }
 * }</pre>
 */
public final class ProtoReader {

    public static final int WIRE_VARINT = 0;
    public static final int WIRE_FIXED64 = 1;
    public static final int WIRE_LENGTH_DELIMITED = 2;
    public static final int WIRE_FIXED32 = 5;

    private static final int MAX_FIELD_NUMBER = (1 << 29) - 1;

    private final byte[] data;
    private final int end;
    private int position;
    private int field;
    private int wireType;

    public ProtoReader(byte[] data) {
        this(data, 0, data.length);
    }

    public ProtoReader(byte[] data, int offset, int length) {
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    /** Advances to the next field; false at the end of the message. */
    public boolean next() throws ProtobufException {
        if (position >= end) {
            return false;
        }
        long tag = readRawVarint();
        long number = tag >>> 3;
        wireType = (int) (tag & 7);
        if (number < 1 || number > MAX_FIELD_NUMBER) {
            throw new ProtobufException("field number out of range: " + number);
        }
        if (wireType != WIRE_VARINT && wireType != WIRE_FIXED64 && wireType != WIRE_LENGTH_DELIMITED
                && wireType != WIRE_FIXED32) {
            throw new ProtobufException("unsupported wire type " + wireType + " for field " + number);
        }
        field = (int) number;
        return true;
    }

    public int field() {
        return field;
    }

    public int wireType() {
        return wireType;
    }

    public long readVarint() throws ProtobufException {
        expect(WIRE_VARINT);
        return readRawVarint();
    }

    public boolean readBool() throws ProtobufException {
        long v = readVarint();
        if (v > 1) {
            throw new ProtobufException("bool field " + field + " holds " + v);
        }
        return v == 1;
    }

    /** A length-delimited field of at most {@code maxLength} bytes. */
    public byte[] readBytes(int maxLength) throws ProtobufException {
        expect(WIRE_LENGTH_DELIMITED);
        int length = readLength(maxLength);
        byte[] out = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    /** A length-delimited field holding strict UTF-8 of at most {@code maxLength} bytes. */
    public String readString(int maxLength) throws ProtobufException {
        byte[] bytes = readBytes(maxLength);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProtobufException("field " + field + " is not valid UTF-8");
        }
    }

    /** Skips the current field's value, whatever its wire type. */
    public void skip() throws ProtobufException {
        switch (wireType) {
            case WIRE_VARINT -> readRawVarint();
            case WIRE_FIXED64 -> advance(8);
            case WIRE_FIXED32 -> advance(4);
            case WIRE_LENGTH_DELIMITED -> advance(readLength(Integer.MAX_VALUE));
            default -> throw new ProtobufException("cannot skip wire type " + wireType);
        }
    }

    private void expect(int expected) throws ProtobufException {
        if (wireType != expected) {
            throw new ProtobufException("field " + field + " has wire type " + wireType + ", expected " + expected);
        }
    }

    private int readLength(int maxLength) throws ProtobufException {
        long length = readRawVarint();
        if (length < 0 || length > maxLength) { // a 10-byte varint can come out negative
            throw new ProtobufException("field " + field + " is " + length + " bytes, limit " + maxLength);
        }
        if (length > end - position) {
            throw new ProtobufException("field " + field + " runs past the end of the message");
        }
        return (int) length;
    }

    private void advance(int n) throws ProtobufException {
        if (n > end - position) {
            throw new ProtobufException("field " + field + " runs past the end of the message");
        }
        position += n;
    }

    private long readRawVarint() throws ProtobufException {
        long value = 0;
        for (int i = 0; i < 10; i++) {
            if (position >= end) {
                throw new ProtobufException("truncated varint");
            }
            int b = data[position++] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new ProtobufException("varint longer than 10 bytes");
    }
}
