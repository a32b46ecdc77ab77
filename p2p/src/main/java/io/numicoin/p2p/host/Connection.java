package io.numicoin.p2p.host;

import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A secured (Noise) and multiplexed (yamux) connection to one authenticated peer. */
public interface Connection {

    PeerId remotePeer();

    Multiaddr remoteAddress();

    Multiaddr localAddress();

    Direction direction();

    /**
     * Opens a stream and negotiates the first of {@code protocols} the remote supports. Fails with
     * {@link StreamException} ({@code PROTOCOL_NOT_SUPPORTED}, {@code STREAM_LIMIT},
     * {@code CONNECTION_CLOSED}, {@code TIMEOUT}).
     */
    CompletableFuture<Stream> newStream(List<ProtocolId> protocols);

    default CompletableFuture<Stream> newStream(ProtocolId protocol) {
        return newStream(List.of(protocol));
    }

    boolean isOpen();

    /** Closes the connection (yamux GoAway, then the socket); all its streams are reset. */
    CompletableFuture<Void> close();

    /** Completes when the connection is closed, by either side. */
    CompletableFuture<Void> closeFuture();
}
