package io.numicoin.events.codec;

import io.numicoin.events.EventMeta;
import io.numicoin.events.EventType;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.DecodeException;

/** A record whose envelope was read: its type, schema version, meta, and a reader at the payload. */
final class OpenedEnvelope {

    private final EventType type;
    private final int schemaVersion;
    private final EventMeta meta;
    private final ByteReader payload;

    OpenedEnvelope(EventType type, int schemaVersion, EventMeta meta, ByteReader payload) {
        this.type = type;
        this.schemaVersion = schemaVersion;
        this.meta = meta;
        this.payload = payload;
    }

    EventType type() {
        return type;
    }

    EventMeta meta() {
        return meta;
    }

    ByteReader payload() {
        return payload;
    }

    /**
     * After the known fields: the payload must end here if it is of the schema version this code
     * writes; a later version's appended fields are ignored.
     */
    void end() throws DecodeException {
        if (schemaVersion <= type.schemaVersion()) {
            payload.expectEnd(type + " payload");
        }
    }
}
