package io.numicoin.events.codec;

import io.numicoin.events.ChainEvent;
import io.numicoin.events.Event;
import io.numicoin.events.EventDecodeException;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.PeerObservation;
import io.numicoin.events.Topics;
import io.numicoin.events.TransactionSeen;

/**
 * Any event to its topic, key and value, and back: for code that handles every topic alike (the
 * node's outbox, a replay tool). Per-topic code uses the per-topic codecs.
 */
public final class EventCodecs {

    private EventCodecs() {
    }

    public static String topic(Event event) {
        return event.type().topic();
    }

    public static byte[] key(Event event) {
        return switch (event) {
            case ChainEvent chain -> ChainEventCodec.key(chain);
            case TransactionSeen seen -> TransactionSeenCodec.key(seen);
            case MempoolEvent mempool -> MempoolEventCodec.key(mempool);
            case PeerObservation peer -> PeerObservationCodec.key(peer);
        };
    }

    public static byte[] encode(Event event) {
        return switch (event) {
            case ChainEvent chain -> ChainEventCodec.encode(chain);
            case TransactionSeen seen -> TransactionSeenCodec.encode(seen);
            case MempoolEvent mempool -> MempoolEventCodec.encode(mempool);
            case PeerObservation peer -> PeerObservationCodec.encode(peer);
        };
    }

    /**
     * Decodes a record value read from {@code topic}.
     *
     * @throws IllegalArgumentException if {@code topic} is not one of {@link Topics}
     */
    public static Event decode(String topic, byte[] record) throws EventDecodeException {
        return switch (topic) {
            case Topics.CHAIN -> ChainEventCodec.decode(record);
            case Topics.TX -> TransactionSeenCodec.decode(record);
            case Topics.MEMPOOL -> MempoolEventCodec.decode(record);
            case Topics.PEERS -> PeerObservationCodec.decode(record);
            default -> throw new IllegalArgumentException("not a NumiCoin topic: " + topic);
        };
    }
}
