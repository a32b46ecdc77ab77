package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.peer.PeerId;

/** Signs own messages under {@link SignaturePolicy#STRICT_SIGN} with the node's identity key. */
public interface MessageSigner {

    /** The author: our peer id, whose key verifies the signatures. */
    PeerId author();

    /** The signature over {@code payload} ({@code "libp2p-pubsub:" ‖ message without signature and key}). */
    byte[] sign(byte[] payload);

    /** Signs with the node's Ed25519 identity (the key its peer id inlines). */
    static MessageSigner of(NodeIdentity identity) {
        return new MessageSigner() {
            @Override
            public PeerId author() {
                return identity.peerId();
            }

            @Override
            public byte[] sign(byte[] payload) {
                return identity.sign(payload);
            }
        };
    }
}
