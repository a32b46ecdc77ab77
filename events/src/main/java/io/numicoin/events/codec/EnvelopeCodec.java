package io.numicoin.events.codec;

import io.numicoin.events.EventDecodeError;
import io.numicoin.events.EventDecodeException;
import io.numicoin.events.EventMeta;
import io.numicoin.events.EventType;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.ByteWriter;
import io.numicoin.protocol.codec.DecodeException;

/**
 * The binary envelope in front of every event's payload, big-endian, 29 bytes:
 *
 * <pre>
 * magic u16 0x4e45 ("NE") | format version u8 (1) | event type u8 | schema version u8 (&ge; 1)
 * | chain id u32 | sequence u64 (&lt; 2^63) | created at u64 (Unix ms, &lt; 2^63) | payload length u32
 * | payload (exactly the rest of the record)
 * </pre>
 *
 * A payload of the schema version this code writes must be consumed exactly; a payload of a later
 * schema version of the same event type (additive fields appended at the end) is read as far as
 * this code knows it and the rest ignored.
 */
public final class EnvelopeCodec {

    public static final int MAGIC = 0x4e45;
    public static final int FORMAT_VERSION = 1;
    public static final int HEADER_SIZE = 2 + 1 + 1 + 1 + 4 + 8 + 8 + 4;

    private EnvelopeCodec() {
    }

    /**
     * Reads the envelope only (any event type code) and checks the payload length matches the record.
     *
     * @throws EventDecodeException if the record is not an event of a known format, or is truncated or extended
     */
    public static EnvelopeHeader peek(byte[] record) throws EventDecodeException {
        return readHeader(new ByteReader(record));
    }

    /** A writer holding the envelope of {@code type}, ready for exactly {@code payloadLength} payload bytes. */
    static ByteWriter start(EventType type, EventMeta meta, int payloadLength) {
        return start(type, meta, payloadLength, payloadLength);
    }

    /** As {@link #start(EventType, EventMeta, int)}, with room for the first {@code bytesToWrite} payload bytes. */
    static ByteWriter start(EventType type, EventMeta meta, int payloadLength, int bytesToWrite) {
        ByteWriter writer = new ByteWriter(HEADER_SIZE + bytesToWrite);
        writer.u16(MAGIC).u8(FORMAT_VERSION).u8(type.code()).u8(type.schemaVersion())
                .i32(meta.chainId()).i64(meta.sequence()).i64(meta.createdAtMillis()).i32(payloadLength);
        return writer;
    }

    /** The finished record, after checking the payload had the announced length. */
    static byte[] finish(ByteWriter writer, int payloadLength) {
        if (writer.size() != HEADER_SIZE + payloadLength) {
            throw new IllegalStateException("payload has " + (writer.size() - HEADER_SIZE) + " bytes, announced " + payloadLength);
        }
        return writer.toByteArray();
    }

    /**
     * The first {@code written} payload bytes of a record whose envelope announces more: the rest is
     * appended by whoever holds it ({@link ChainEventCodec#encodeWithoutBlock}).
     */
    static byte[] unfinished(ByteWriter writer, int written) {
        if (writer.size() != HEADER_SIZE + written) {
            throw new IllegalStateException("payload has " + (writer.size() - HEADER_SIZE) + " bytes, expected " + written + " so far");
        }
        return writer.toByteArray();
    }

    /**
     * Opens a record of {@code topic}: at most {@code maxBytes}, a known event type of that topic.
     * The returned reader stands at the payload.
     */
    static OpenedEnvelope open(byte[] record, String topic, int maxBytes) throws EventDecodeException {
        if (record.length > maxBytes) {
            throw new EventDecodeException(EventDecodeError.TOO_LARGE,
                    "an event on " + topic + " has at most " + maxBytes + " bytes, got " + record.length);
        }
        ByteReader reader = new ByteReader(record);
        EnvelopeHeader header = readHeader(reader);
        EventType type = header.type().orElseThrow(() -> new EventDecodeException(EventDecodeError.UNKNOWN_TYPE,
                "event type 0x" + Integer.toHexString(header.typeCode()) + " on " + topic));
        if (!type.topic().equals(topic)) {
            throw new EventDecodeException(EventDecodeError.WRONG_TOPIC, type + " belongs on " + type.topic() + ", not " + topic);
        }
        return new OpenedEnvelope(type, header.schemaVersion(), header.meta(), reader);
    }

    private static EnvelopeHeader readHeader(ByteReader reader) throws EventDecodeException {
        try {
            int magic = reader.u16("magic");
            if (magic != MAGIC) {
                throw new EventDecodeException(EventDecodeError.NOT_AN_EVENT, "magic 0x" + Integer.toHexString(magic));
            }
            int format = reader.u8("format version");
            if (format != FORMAT_VERSION) {
                throw new EventDecodeException(EventDecodeError.UNSUPPORTED_FORMAT, "envelope format " + format);
            }
            int typeCode = reader.u8("event type");
            int schemaVersion = reader.u8("schema version");
            if (schemaVersion == 0) {
                throw new EventDecodeException(EventDecodeError.OUT_OF_RANGE, "schema versions start at 1");
            }
            EventMeta meta = new EventMeta(reader.i32("chain id"), reader.u63("sequence"), reader.u63("created at"));
            long payloadLength = reader.u32("payload length");
            if (payloadLength > reader.remaining()) {
                throw new EventDecodeException(EventDecodeError.TRUNCATED,
                        "payload of " + payloadLength + " bytes, " + reader.remaining() + " left");
            }
            if (payloadLength < reader.remaining()) {
                throw new EventDecodeException(EventDecodeError.TRAILING_BYTES,
                        (reader.remaining() - payloadLength) + " bytes after the payload");
            }
            return new EnvelopeHeader(typeCode, schemaVersion, meta);
        } catch (DecodeException e) {
            throw new EventDecodeException(e);
        }
    }
}
