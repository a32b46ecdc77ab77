package io.numicoin.p2p.host;

/**
 * Serves inbound streams of one protocol. Called on the connection's event loop once the protocol
 * is negotiated; the handler sets a {@link StreamListener} on the stream (data arriving before that
 * is held) and must not block.
 */
@FunctionalInterface
public interface StreamHandler {

    void handle(Stream stream);
}
