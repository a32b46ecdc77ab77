package io.numicoin.seed.peers;

/** What one attempt to reach a peer showed. */
public enum Outcome {
    /** It answered the handshake and the NumiCoin status request of this network. */
    SUCCESS,
    /** It could not be reached, or did not complete the handshake or the status request. */
    FAILURE,
    /**
     * It answered but broke the rules: another network's genesis, a peer id other than the one asked
     * for, an oversize or undecodable answer. Counted as a failure and banned at once.
     */
    MISBEHAVED
}
