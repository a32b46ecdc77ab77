package io.numicoin.events;

import io.numicoin.protocol.codec.DecodeException;
import java.util.Objects;

/**
 * The one exception an event decoder throws, for any input it refuses: not an event, an unknown
 * format or type, or a malformed payload. Checked, so a consumer cannot forget it.
 */
public final class EventDecodeException extends Exception {

    private final EventDecodeError error;

    public EventDecodeException(EventDecodeError error, String detail) {
        super(Objects.requireNonNull(error, "error") + ": " + detail);
        this.error = error;
    }

    /** Wraps a protocol codec's refusal (a block or transaction inside the payload). */
    public EventDecodeException(DecodeException cause) {
        super(cause.getMessage(), cause);
        this.error = EventDecodeError.of(cause.error());
    }

    public EventDecodeError error() {
        return error;
    }
}
