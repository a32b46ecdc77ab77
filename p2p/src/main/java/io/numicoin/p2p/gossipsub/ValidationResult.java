package io.numicoin.p2p.gossipsub;

/** The application's verdict on a received message (gossipsub v1.1 extended validators). */
public enum ValidationResult {
    /** Valid: delivered, cached for gossip and forwarded to the mesh. */
    ACCEPT,
    /** Invalid: dropped, and the sender (and whoever sent it meanwhile) is penalised through P4. */
    REJECT,
    /** Neither forwarded nor penalised, e.g. while the node is still syncing. */
    IGNORE
}
