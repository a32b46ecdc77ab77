package io.numicoin.events.codec;

import io.numicoin.events.EventMeta;
import io.numicoin.events.EventType;
import java.util.Optional;

/**
 * The envelope of a record, read without its payload ({@link EnvelopeCodec#peek}): enough for a
 * consumer to track the sequence past an event type it does not know.
 *
 * @param typeCode the event type's code, known or not
 * @param schemaVersion the payload's schema version, at least 1
 */
public record EnvelopeHeader(int typeCode, int schemaVersion, EventMeta meta) {

    /** The event type, if this code knows it. */
    public Optional<EventType> type() {
        return EventType.ofCode(typeCode);
    }
}
