package io.numicoin.p2p.gossipsub.rpc;

import java.util.List;
import java.util.Objects;

/**
 * One pubsub RPC (libp2p pubsub {@code RPC}): subscription changes, published messages and the
 * gossipsub control message. Every RPC travels as an unsigned-varint length-prefixed protobuf.
 */
public record Rpc(List<SubOpts> subscriptions, List<Message> publish, ControlMessage control) {

    public static final Rpc EMPTY = new Rpc(List.of(), List.of(), ControlMessage.EMPTY);

    public Rpc {
        subscriptions = List.copyOf(subscriptions);
        publish = List.copyOf(publish);
        Objects.requireNonNull(control, "control");
    }

    public static Rpc ofSubscriptions(List<SubOpts> subscriptions) {
        return new Rpc(subscriptions, List.of(), ControlMessage.EMPTY);
    }

    public static Rpc ofMessages(List<Message> messages) {
        return new Rpc(List.of(), messages, ControlMessage.EMPTY);
    }

    public static Rpc ofControl(ControlMessage control) {
        return new Rpc(List.of(), List.of(), control);
    }

    public boolean isEmpty() {
        return subscriptions.isEmpty() && publish.isEmpty() && control.isEmpty();
    }

    /** A subscription change ({@code SubOpts}): subscribe or unsubscribe one topic. */
    public record SubOpts(boolean subscribe, String topic) {
        public SubOpts {
            Objects.requireNonNull(topic, "topic");
        }
    }
}
