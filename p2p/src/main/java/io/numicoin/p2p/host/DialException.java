package io.numicoin.p2p.host;

/** Why a dial failed. */
public class DialException extends Exception {

    /** The failure kinds callers branch on. */
    public enum Kind {
        /** The TCP connection could not be made (refused, unreachable, unresolvable). */
        CONNECT_FAILED,
        /** The dial (connect plus upgrade) did not finish within the dial timeout. */
        TIMEOUT,
        /** The peer failed the Noise handshake or multistream negotiation. */
        UPGRADE_FAILED,
        /** The authenticated peer is not the one the address named. */
        PEER_ID_MISMATCH,
        /** The outbound connection limit was reached. */
        CONNECTION_LIMIT,
        /** The connection gater refused the address or peer. */
        GATED,
        /** The address is not one this transport dials, or dials itself. */
        BAD_ADDRESS,
        /** The host is closed. */
        HOST_CLOSED,
        /** The host's networking is switched off ({@link Host#setNetworkActive}). */
        NETWORK_INACTIVE
    }

    private final Kind kind;

    public DialException(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
