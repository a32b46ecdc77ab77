package io.numicoin.p2p.protocols.reqresp;

/** Why a request got no response. */
public class RequestResponseException extends Exception {

    /** The failure kinds callers branch on. */
    public enum Kind {
        /** No complete response within the protocol's timeout. */
        TIMEOUT,
        /** The request or the response exceeds the protocol's size limit. */
        TOO_LARGE,
        /** The peer does not serve the protocol. */
        PROTOCOL_NOT_SUPPORTED,
        /** The peer reset the stream (it refused or failed the request). */
        STREAM_RESET,
        /** There is no open connection to the peer. */
        NOT_CONNECTED,
        /** The peer closed the stream without a complete response, or broke the framing. */
        PROTOCOL_ERROR
    }

    private final Kind kind;

    public RequestResponseException(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
