package io.numicoin.network.peers;

import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import io.numicoin.p2p.protocols.reqresp.RequestResponseProtocol;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Asks a connected peer for addresses over the peers protocol ({@code NetworkProtocols#peers}). */
public final class PeerExchangeClient {

    private PeerExchangeClient() {
    }

    /**
     * Asks {@code peer} for up to {@code max} (1..{@value PeerExchangeCodec#MAX_ADDRESSES}) addresses,
     * each ending in {@code /p2p/<id>}; addresses of {@code host} itself are left out. Fails as the
     * request fails (not connected, reset, timed out) or, when the answer does not decode or holds
     * more than asked for, with a {@link CompletionException} whose cause is a {@link PeerExchangeException}.
     */
    public static CompletableFuture<List<Multiaddr>> request(Host host, PeerId peer, RequestResponseProtocol protocol, int max) {
        return RequestResponse.request(host, peer, protocol, PeerExchangeCodec.encodeRequest(max))
                .thenApply(answer -> decoded(answer, max, host.peerId()));
    }

    /**
     * As {@link #request(Host, PeerId, RequestResponseProtocol, int)}, on this connection;
     * addresses of {@code self} are left out.
     */
    public static CompletableFuture<List<Multiaddr>> request(Connection connection, PeerId self, RequestResponseProtocol protocol,
            int max) {
        return RequestResponse.request(connection, protocol, PeerExchangeCodec.encodeRequest(max))
                .thenApply(answer -> decoded(answer, max, self));
    }

    private static List<Multiaddr> decoded(byte[] answer, int max, PeerId self) {
        try {
            return PeerExchangeCodec.decodeResponse(answer, max).stream().filter(a -> !a.peerId().orElseThrow().equals(self)).toList();
        } catch (PeerExchangeException e) {
            throw new CompletionException(e);
        }
    }
}
