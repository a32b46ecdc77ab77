package io.numicoin.node.p2p.sync;

import io.numicoin.network.sync.ChainStatusMessage;
import io.numicoin.network.sync.SyncCodec;
import io.numicoin.network.NetworkProtocols;
import io.numicoin.node.p2p.hooks.PeerActivity;
import io.numicoin.node.p2p.hooks.PeerActivity.Traffic;
import io.numicoin.node.p2p.hooks.PeerPenalty;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.node.query.BlockRef;
import io.numicoin.node.query.ChainQueries;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import io.numicoin.protocol.bytes.Bytes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Answers the sync protocols: our status (and takes the requester's), headers of our active chain
 * after a peer's locator (at most the asked number, at most 2,000), and stored blocks by id (an
 * empty answer when we do not have it). Database reads run on {@code readers}, never on the network
 * threads. Each request is first admitted against the peer's rate budget ({@link PeerActivity});
 * one over budget resets the stream (the refusal already cost the peer points). A request that
 * does not decode resets the stream and is a {@code MALFORMED_MESSAGE} penalty.
 */
public final class SyncServer {

    private final LocalChain chain;
    private final ChainQueries queries;
    private final ChainSync sync;
    private final ExecutorService readers;
    private final PeerActivity activity;
    private final PeerPenalty penalty;

    public SyncServer(LocalChain chain, ChainQueries queries, ChainSync sync, ExecutorService readers, PeerActivity activity,
            PeerPenalty penalty) {
        this.activity = activity;
        this.penalty = penalty;
        this.chain = chain;
        this.queries = queries;
        this.sync = sync;
        this.readers = readers;
    }

    public void serve(Host host, NetworkProtocols protocols) {
        RequestResponse.serve(host, protocols.status(), (peer, request) -> admitted(peer, Traffic.STATUS_REQUEST, () -> {
            ChainStatusMessage theirs = decode(peer, () -> SyncCodec.decodeStatus(request));
            sync.statusReceived(peer, theirs);
            return SyncCodec.encodeStatus(chain.status());
        }));
        RequestResponse.serve(host, protocols.headers(), (peer, request) -> admitted(peer, Traffic.HEADERS_REQUEST, () -> {
            SyncCodec.HeadersRequest asked = decode(peer, () -> SyncCodec.decodeHeadersRequest(request));
            return SyncCodec.encodeHeaders(chain.headersAfter(asked.locator(), asked.max()));
        }));
        RequestResponse.serve(host, protocols.blocks(), (peer, request) -> admitted(peer, Traffic.BLOCK_REQUEST, () -> {
            var id = decode(peer, () -> SyncCodec.decodeBlockRequest(request));
            return queries.rawBlock(new BlockRef.ById(id)).map(Bytes::toArray).orElse(new byte[0]);
        }));
    }

    /** Runs {@code answer} on the readers if {@code peer}'s budget for {@code traffic} allows; else fails (the stream is reset). */
    private CompletableFuture<byte[]> admitted(PeerId peer, Traffic traffic, java.util.function.Supplier<byte[]> answer) {
        if (!activity.admit(peer, traffic)) {
            return CompletableFuture.failedFuture(new IllegalStateException(traffic + " over the rate limit of " + peer));
        }
        return CompletableFuture.supplyAsync(answer, readers);
    }

    @FunctionalInterface
    private interface Decoder<T> {
        T decode() throws io.numicoin.protocol.codec.DecodeException;
    }

    private <T> T decode(PeerId peer, Decoder<T> decoder) {
        try {
            return decoder.decode();
        } catch (io.numicoin.protocol.codec.DecodeException e) {
            penalty.penalise(peer, PeerPenalty.Reason.MALFORMED_MESSAGE, PeerPenalty.Severity.MAJOR, "request: " + e.getMessage());
            throw new IllegalArgumentException("malformed request: " + e.getMessage(), e);
        }
    }
}
