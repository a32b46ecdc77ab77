package io.numicoin.p2p.protobuf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes protobuf fields in the order called (callers write fields in field-number order). */
public final class ProtoWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public ProtoWriter writeVarint(int field, long value) {
        tag(field, ProtoReader.WIRE_VARINT);
        raw(value);
        return this;
    }

    public ProtoWriter writeBool(int field, boolean value) {
        return writeVarint(field, value ? 1 : 0);
    }

    public ProtoWriter writeBytes(int field, byte[] value) {
        tag(field, ProtoReader.WIRE_LENGTH_DELIMITED);
        raw(value.length);
        out.writeBytes(value);
        return this;
    }

    public ProtoWriter writeString(int field, String value) {
        return writeBytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        if (field < 1 || field > (1 << 29) - 1) {
            throw new IllegalArgumentException("field number out of range: " + field);
        }
        raw(((long) field << 3) | wireType);
    }

    private void raw(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
