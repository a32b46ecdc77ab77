package io.numicoin.network.sync;

import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import io.numicoin.p2p.protocols.reqresp.RequestResponseProtocol;
import io.numicoin.protocol.codec.DecodeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The status exchange ({@code NetworkProtocols#status}) from the asking side: sends our status,
 * completes with the peer's. A node takes the status in the request as the asker's own: its genesis
 * must be the node's (else the asker is banned), and an asker claiming more work is asked for
 * headers. A client without a chain sends {@link ChainStatusMessage#atGenesis}.
 */
public final class StatusExchange {

    private StatusExchange() {
    }

    /**
     * Fails as the request fails (not connected, reset, timed out) or, when the answer does not
     * decode, with a {@link CompletionException} whose cause is a {@link DecodeException}.
     */
    public static CompletableFuture<ChainStatusMessage> request(Host host, PeerId peer, RequestResponseProtocol protocol,
            ChainStatusMessage ours) {
        return RequestResponse.request(host, peer, protocol, SyncCodec.encodeStatus(ours)).thenApply(StatusExchange::decoded);
    }

    /** As {@link #request(Host, PeerId, RequestResponseProtocol, ChainStatusMessage)}, on this connection. */
    public static CompletableFuture<ChainStatusMessage> request(Connection connection, RequestResponseProtocol protocol,
            ChainStatusMessage ours) {
        return RequestResponse.request(connection, protocol, SyncCodec.encodeStatus(ours)).thenApply(StatusExchange::decoded);
    }

    private static ChainStatusMessage decoded(byte[] answer) {
        try {
            return SyncCodec.decodeStatus(answer);
        } catch (DecodeException e) {
            throw new CompletionException(e);
        }
    }
}
