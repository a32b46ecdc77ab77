package io.numicoin.node.p2p.sync;

import io.numicoin.node.p2p.NetworkProtocols;
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
 * threads. A request that does not decode resets the stream.
 */
public final class SyncServer {

    private final LocalChain chain;
    private final ChainQueries queries;
    private final ChainSync sync;
    private final ExecutorService readers;

    public SyncServer(LocalChain chain, ChainQueries queries, ChainSync sync, ExecutorService readers) {
        this.chain = chain;
        this.queries = queries;
        this.sync = sync;
        this.readers = readers;
    }

    public void serve(Host host, NetworkProtocols protocols) {
        RequestResponse.serve(host, protocols.status(), (peer, request) -> CompletableFuture.supplyAsync(() -> {
            ChainStatusMessage theirs = decode(() -> SyncCodec.decodeStatus(request));
            sync.statusReceived(peer, theirs);
            return SyncCodec.encodeStatus(chain.status());
        }, readers));
        RequestResponse.serve(host, protocols.headers(), (peer, request) -> CompletableFuture.supplyAsync(() -> {
            SyncCodec.HeadersRequest asked = decode(() -> SyncCodec.decodeHeadersRequest(request));
            return SyncCodec.encodeHeaders(chain.headersAfter(asked.locator(), asked.max()));
        }, readers));
        RequestResponse.serve(host, protocols.blocks(), (peer, request) -> CompletableFuture.supplyAsync(() -> {
            var id = decode(() -> SyncCodec.decodeBlockRequest(request));
            return queries.rawBlock(new BlockRef.ById(id)).map(Bytes::toArray).orElse(new byte[0]);
        }, readers));
    }

    @FunctionalInterface
    private interface Decoder<T> {
        T decode() throws io.numicoin.protocol.codec.DecodeException;
    }

    private static <T> T decode(Decoder<T> decoder) {
        try {
            return decoder.decode();
        } catch (io.numicoin.protocol.codec.DecodeException e) {
            throw new IllegalArgumentException("malformed request: " + e.getMessage(), e);
        }
    }
}
