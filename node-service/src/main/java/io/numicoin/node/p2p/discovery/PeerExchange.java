package io.numicoin.node.p2p.discovery;

import io.numicoin.network.NetworkProtocols;
import io.numicoin.network.peers.PeerExchangeClient;
import io.numicoin.network.peers.PeerExchangeCodec;
import io.numicoin.network.peers.PeerExchangeException;
import io.numicoin.node.p2p.peers.AddressBook;
import io.numicoin.node.p2p.peers.RateLimits;
import io.numicoin.p2p.gossipsub.GossipListener;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import io.numicoin.p2p.protocols.reqresp.RequestResponseProtocol;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Peer exchange. Serves {@code /numi/<network>/peers/1}: up to {@link #maxAnswer} addresses that
 * worked within {@link #goodWithin}, rate-limited per peer through {@link RateLimits}. Asks peers
 * for theirs ({@link #requestFrom}) and adds what they send to the address book (source
 * {@code px}). As a {@link GossipListener} it acts on gossipsub PRUNE peer-exchange hints: a hinted
 * peer whose address is known is dialled; otherwise the pruner is asked for addresses and those of
 * hinted peers are dialled.
 */
public final class PeerExchange implements GossipListener {

    private static final Logger log = LoggerFactory.getLogger(PeerExchange.class);

    private final Host host;
    private final RequestResponseProtocol protocol;
    private final AddressBook book;
    private final RateLimits rateLimits;
    private final OutboundDialer dialer;
    private final Clock clock;
    private final Executor executor;
    private final int maxAnswer;
    private final Duration goodWithin;

    /** @param protocol the network's peers protocol ({@link NetworkProtocols#peerExchange}) */
    public PeerExchange(Host host, RequestResponseProtocol protocol, AddressBook book, RateLimits rateLimits, OutboundDialer dialer,
            Clock clock, Executor executor, int maxAnswer, Duration goodWithin) {
        this.host = host;
        this.protocol = protocol;
        this.book = book;
        this.rateLimits = rateLimits;
        this.dialer = dialer;
        this.clock = clock;
        this.executor = executor;
        this.maxAnswer = Math.min(maxAnswer, PeerExchangeCodec.MAX_ADDRESSES);
        this.goodWithin = goodWithin;
    }

    public ProtocolId protocolId() {
        return protocol.id();
    }

    /** Starts answering requests on the host. */
    public void install() {
        RequestResponse.serve(host, protocol, (peer, request) -> {
            if (!rateLimits.tryAcquire(peer, protocol.id().toString())) {
                return CompletableFuture.failedFuture(new IllegalStateException("rate limited"));
            }
            int wanted;
            try {
                wanted = PeerExchangeCodec.decodeRequest(request);
            } catch (PeerExchangeException e) {
                return CompletableFuture.failedFuture(e);
            }
            return CompletableFuture.supplyAsync(() -> PeerExchangeCodec.encodeResponse(
                    book.good(Math.min(wanted, maxAnswer), clock.instant(), goodWithin).stream()
                            .filter(a -> a.peerId().filter(peer::equals).isEmpty()).toList()), executor);
        });
    }

    /** Asks {@code peer} for up to {@code max} addresses and adds them to the book. */
    public CompletableFuture<List<Multiaddr>> requestFrom(PeerId peer, int max) {
        return PeerExchangeClient.request(host, peer, protocol, max).thenApplyAsync(addresses -> {
            book.addAll(addresses, "px", clock.instant());
            return addresses;
        }, executor);
    }

    @Override
    public void peerExchange(PeerId from, String topic, List<PeerId> peers) {
        executor.execute(() -> {
            Set<PeerId> unknown = new HashSet<>();
            for (PeerId hinted : peers) {
                if (hinted.equals(host.peerId()) || host.connection(hinted).isPresent()) {
                    continue;
                }
                book.addressOf(hinted).ifPresentOrElse(dialer::dial, () -> unknown.add(hinted));
            }
            if (!unknown.isEmpty()) {
                requestFrom(from, PeerExchangeCodec.MAX_ADDRESSES).thenAccept(addresses -> addresses.stream()
                        .filter(a -> unknown.contains(a.peerId().orElseThrow()))
                        .forEach(dialer::dial))
                        .exceptionally(e -> {
                            log.debug("peer exchange with {} failed: {}", from, e.toString());
                            return null;
                        });
            }
        });
    }
}
