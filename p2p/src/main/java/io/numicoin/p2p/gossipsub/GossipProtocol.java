package io.numicoin.p2p.gossipsub;

import java.util.Optional;

/** The gossipsub protocol ids we speak; v1.0 peers get no backoff or peer exchange in PRUNEs. */
public enum GossipProtocol {
    MESHSUB_1_1("/meshsub/1.1.0"),
    MESHSUB_1_0("/meshsub/1.0.0");

    private final String id;

    GossipProtocol(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<GossipProtocol> fromId(String id) {
        for (GossipProtocol protocol : values()) {
            if (protocol.id.equals(id)) {
                return Optional.of(protocol);
            }
        }
        return Optional.empty();
    }
}
