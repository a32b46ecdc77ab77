package io.numicoin.events;

import io.numicoin.protocol.codec.DecodeError;

/** Why a record could not be decoded as an event. */
public enum EventDecodeError {
    /** The record does not start with the envelope's magic: not a NumiCoin event at all. */
    NOT_AN_EVENT,
    /** An envelope format version this code does not know. */
    UNSUPPORTED_FORMAT,
    /** An event type code this code does not know (a consumer may skip it: see {@code docs/events.md}). */
    UNKNOWN_TYPE,
    /** A known event type that belongs on another topic. */
    WRONG_TOPIC,
    TRUNCATED,
    TRAILING_BYTES,
    TOO_LARGE,
    OUT_OF_RANGE,
    NON_CANONICAL;

    /** The same reason for a protocol codec's refusal. */
    public static EventDecodeError of(DecodeError error) {
        return switch (error) {
            case TRUNCATED -> TRUNCATED;
            case TRAILING_BYTES -> TRAILING_BYTES;
            case TOO_LARGE -> TOO_LARGE;
            case OUT_OF_RANGE -> OUT_OF_RANGE;
            case NON_CANONICAL -> NON_CANONICAL;
        };
    }
}
