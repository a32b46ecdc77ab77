package io.numicoin.p2p.host;

/**
 * Told when connections open (after security and muxer negotiation) and close. A peer may briefly
 * have two connections (simultaneous dials); listeners keyed by peer should count them.
 */
public interface ConnectionListener {

    void onConnected(Connection connection);

    void onDisconnected(Connection connection);
}
