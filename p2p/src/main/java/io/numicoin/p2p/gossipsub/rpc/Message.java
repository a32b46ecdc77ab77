package io.numicoin.p2p.gossipsub.rpc;

import java.util.Objects;

/**
 * A published pubsub message ({@code Message}). {@code from}, {@code seqno}, {@code signature} and
 * {@code key} are null when absent from the wire (the {@code StrictNoSign} policy requires all four
 * absent); {@code data} is empty when absent.
 */
public record Message(Blob from, Blob data, Blob seqno, String topic, Blob signature, Blob key) {

    public Message {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(topic, "topic");
    }

    /** An unsigned, unstamped message, as {@code StrictNoSign} requires. */
    public static Message unsigned(String topic, Blob data) {
        return new Message(null, data, null, topic, null, null);
    }

    public Message withSignature(Blob newSignature, Blob newKey) {
        return new Message(from, data, seqno, topic, newSignature, newKey);
    }

    /** True when any of from, seqno, signature or key is present. */
    public boolean hasOriginFields() {
        return from != null || seqno != null || signature != null || key != null;
    }
}
