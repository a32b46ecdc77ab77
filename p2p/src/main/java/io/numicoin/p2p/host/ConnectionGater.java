package io.numicoin.p2p.host;

import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;

/**
 * Decides which connections may exist — the hook for bans and scoring. Each method is asked at its
 * stage; refusing closes the connection quietly. Called on event-loop threads: answer quickly.
 */
public interface ConnectionGater {

    ConnectionGater ALLOW_ALL = new ConnectionGater() {
    };

    /** Before dialling {@code address} (to {@code peer} when the address names one). */
    default boolean allowDial(Multiaddr address) {
        return true;
    }

    /**
     * When a TCP connection is accepted, before any handshake: the peer is not known yet, so an
     * answer here must not cost any established connection (no eviction for an unauthenticated socket).
     */
    default boolean allowInbound(Multiaddr remoteAddress) {
        return true;
    }

    /** After the Noise handshake has authenticated {@code peer}. */
    default boolean allowSecured(PeerId peer, Direction direction) {
        return true;
    }

    /**
     * After the Noise handshake has authenticated {@code peer} on a connection with {@code remoteAddress}:
     * where inbound limits and eviction belong. Defaults to {@link #allowSecured(PeerId, Direction)}.
     */
    default boolean allowSecured(PeerId peer, Multiaddr remoteAddress, Direction direction) {
        return allowSecured(peer, direction);
    }
}
