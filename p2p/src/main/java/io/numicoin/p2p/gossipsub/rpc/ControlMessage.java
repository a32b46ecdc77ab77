package io.numicoin.p2p.gossipsub.rpc;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** The gossipsub control message: IHAVE gossip, IWANT requests, GRAFT and PRUNE of mesh links. */
public record ControlMessage(List<IHave> ihave, List<IWant> iwant, List<Graft> graft, List<Prune> prune) {

    public static final ControlMessage EMPTY = new ControlMessage(List.of(), List.of(), List.of(), List.of());

    public ControlMessage {
        ihave = List.copyOf(ihave);
        iwant = List.copyOf(iwant);
        graft = List.copyOf(graft);
        prune = List.copyOf(prune);
    }

    public boolean isEmpty() {
        return ihave.isEmpty() && iwant.isEmpty() && graft.isEmpty() && prune.isEmpty();
    }

    /** {@code ControlIHave}: ids of messages the sender has in its cache for a topic. */
    public record IHave(String topic, List<Blob> messageIds) {
        public IHave {
            Objects.requireNonNull(topic, "topic");
            messageIds = List.copyOf(messageIds);
        }
    }

    /** {@code ControlIWant}: ids of messages the sender wants in full. */
    public record IWant(List<Blob> messageIds) {
        public IWant {
            messageIds = List.copyOf(messageIds);
        }
    }

    /** {@code ControlGraft}: the sender added the receiver to its mesh for a topic. */
    public record Graft(String topic) {
        public Graft {
            Objects.requireNonNull(topic, "topic");
        }
    }

    /**
     * {@code ControlPrune}: the sender removed the receiver from its mesh for a topic, with an
     * optional backoff in seconds and optional peer exchange records (v1.1).
     */
    public record Prune(String topic, List<PeerInfo> peers, OptionalLong backoffSeconds) {
        public Prune {
            Objects.requireNonNull(topic, "topic");
            peers = List.copyOf(peers);
            Objects.requireNonNull(backoffSeconds, "backoffSeconds");
        }
    }

    /** {@code PeerInfo}: a peer exchange entry; either field may be absent (null). */
    public record PeerInfo(Blob peerId, Blob signedPeerRecord) {
    }
}
