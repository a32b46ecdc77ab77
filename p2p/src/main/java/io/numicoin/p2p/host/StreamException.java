package io.numicoin.p2p.host;

/** Why a stream could not be opened or was cut short. */
public class StreamException extends Exception {

    /** The failure kinds callers branch on. */
    public enum Kind {
        /** The remote answered {@code na} to every proposed protocol. */
        PROTOCOL_NOT_SUPPORTED,
        /** The stream was reset (by either side). */
        STREAM_RESET,
        /** The connection closed or was never open. */
        CONNECTION_CLOSED,
        /** The per-connection stream limit was reached. */
        STREAM_LIMIT,
        /** Negotiation or the operation took too long. */
        TIMEOUT,
        /** A frame or message exceeded its size limit. */
        TOO_LARGE,
        /** The remote sent something that breaks the protocol. */
        PROTOCOL_ERROR
    }

    private final Kind kind;

    public StreamException(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
