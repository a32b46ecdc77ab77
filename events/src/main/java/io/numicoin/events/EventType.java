package io.numicoin.events;

import java.util.Optional;

/**
 * Every event type, its one-byte code in the envelope (unique across topics, so a record on the
 * wrong topic is detected), its topic and the schema version of its payload that this code writes.
 */
public enum EventType {
    BLOCK_CONNECTED(0x01, Topics.CHAIN, 1),
    BLOCK_DISCONNECTED(0x02, Topics.CHAIN, 1),
    TRANSACTION_SEEN(0x10, Topics.TX, 1),
    MEMPOOL_ACCEPTED(0x20, Topics.MEMPOOL, 1),
    MEMPOOL_REMOVED(0x21, Topics.MEMPOOL, 1),
    PEER_OBSERVED(0x30, Topics.PEERS, 1);

    private final int code;
    private final String topic;
    private final int schemaVersion;

    EventType(int code, String topic, int schemaVersion) {
        this.code = code;
        this.topic = topic;
        this.schemaVersion = schemaVersion;
    }

    public int code() {
        return code;
    }

    public String topic() {
        return topic;
    }

    /** The payload schema version this code writes and reads exactly (later ones are read by prefix). */
    public int schemaVersion() {
        return schemaVersion;
    }

    public static Optional<EventType> ofCode(int code) {
        for (EventType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
