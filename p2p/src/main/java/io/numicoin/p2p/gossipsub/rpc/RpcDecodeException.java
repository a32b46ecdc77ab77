package io.numicoin.p2p.gossipsub.rpc;

/** Bytes that are not a well-formed pubsub RPC within the configured {@link RpcLimits}. */
public final class RpcDecodeException extends Exception {

    /** Why the bytes were refused. */
    public enum Reason {
        /** A field or varint runs past the end of its enclosing message. */
        TRUNCATED,
        /** A varint longer than 10 bytes or overflowing 64 bits, or a length over 2^31. */
        MALFORMED_VARINT,
        /** Field number 0, a group wire type, or a wire type that does not match a known field. */
        BAD_WIRE_TYPE,
        /** A topic that is not valid UTF-8. */
        INVALID_UTF8,
        /** A message without its required topic. */
        MISSING_FIELD,
        /** The whole RPC is over {@link RpcLimits#maxRpcBytes()}. */
        RPC_TOO_LARGE,
        /** One published message is over {@link RpcLimits#maxMessageBytes()}. */
        MESSAGE_TOO_LARGE,
        /** A topic, id, key, signature or record over its byte limit. */
        FIELD_TOO_LARGE,
        /** More subscriptions, messages, control entries, ids or PX peers than allowed. */
        TOO_MANY_ENTRIES
    }

    private final Reason reason;

    public RpcDecodeException(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
