package io.numicoin.p2p.protocols.reqresp;

import io.numicoin.p2p.peer.PeerId;
import java.util.concurrent.CompletableFuture;

/**
 * Answers requests of one protocol. Called on the connection's event loop: do slow work elsewhere
 * and complete the future later. A failed future resets the stream (the requester sees
 * {@code STREAM_RESET}).
 */
@FunctionalInterface
public interface RequestHandler {

    CompletableFuture<byte[]> handle(PeerId peer, byte[] request);
}
