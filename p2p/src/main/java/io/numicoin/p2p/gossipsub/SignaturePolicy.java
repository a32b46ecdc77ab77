package io.numicoin.p2p.gossipsub;

/**
 * The pubsub message signing policy (libp2p pubsub spec, "Signature Policy Options"); the legacy
 * lax policies are not supported.
 */
public enum SignaturePolicy {
    /**
     * Messages carry from, seqno, signature (and key unless inlined in the peer id), signed by the
     * author's libp2p identity key; anything else is rejected. Ed25519 authors only.
     */
    STRICT_SIGN,
    /**
     * Messages carry none of from, seqno, signature, key; one that has any is rejected. Message ids
     * must then come from the data (NumiCoin's choice: a content hash).
     */
    STRICT_NO_SIGN
}
