package io.numicoin.p2p.gossipsub.rpc;

import java.nio.charset.StandardCharsets;

/**
 * Writes protobuf wire format into an array of a size computed beforehand (callers size with the
 * static {@code *Size} helpers, so nothing is copied twice).
 */
final class ProtoWriter {

    private final byte[] buffer;
    private int position;

    ProtoWriter(int size) {
        this.buffer = new byte[size];
    }

    byte[] finish() {
        if (position != buffer.length) {
            throw new IllegalStateException("wrote " + position + " of " + buffer.length + " bytes");
        }
        return buffer;
    }

    void varint(long value) {
        while ((value & ~0x7FL) != 0) {
            buffer[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    void varintField(int field, long value) {
        tag(field, ProtoReader.VARINT);
        varint(value);
    }

    void boolField(int field, boolean value) {
        varintField(field, value ? 1 : 0);
    }

    void bytesField(int field, Blob value) {
        tag(field, ProtoReader.LENGTH_DELIMITED);
        varint(value.size());
        value.copyTo(buffer, position);
        position += value.size();
    }

    void stringField(int field, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        tag(field, ProtoReader.LENGTH_DELIMITED);
        varint(utf8.length);
        System.arraycopy(utf8, 0, buffer, position, utf8.length);
        position += utf8.length;
    }

    /** Starts a nested message field of {@code length} bytes; the caller writes its body next. */
    void nestedHeader(int field, int length) {
        tag(field, ProtoReader.LENGTH_DELIMITED);
        varint(length);
    }

    static int varintSize(long value) {
        int size = 1;
        while ((value & ~0x7FL) != 0) {
            size++;
            value >>>= 7;
        }
        return size;
    }

    static int tagSize(int field) {
        return varintSize((long) field << 3);
    }

    static int varintFieldSize(int field, long value) {
        return tagSize(field) + varintSize(value);
    }

    static int lengthDelimitedSize(int field, int length) {
        return tagSize(field) + varintSize(length) + length;
    }

    static int bytesFieldSize(int field, Blob value) {
        return lengthDelimitedSize(field, value.size());
    }

    static int stringFieldSize(int field, String value) {
        return lengthDelimitedSize(field, value.getBytes(StandardCharsets.UTF_8).length);
    }
}
