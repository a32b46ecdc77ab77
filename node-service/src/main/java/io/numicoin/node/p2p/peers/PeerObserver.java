package io.numicoin.node.p2p.peers;

import io.numicoin.events.PeerObservation.Outcome;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.ConnectionListener;
import io.numicoin.p2p.host.Direction;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import io.numicoin.p2p.multiaddr.Protocol;
import io.numicoin.p2p.protocols.identify.IdentifyMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns connection outcomes into address-book history and {@code numi.peers.v1} events. On every
 * connection it identifies and pings the peer (agent for the book, latency for eviction); an
 * outbound connection records a success for the dialled address; an inbound one adds the listen
 * addresses the peer announced. {@link #dialFailed} records a failure. Database work runs on {@code executor}, never on the host's event loops.
 */
public final class PeerObserver implements ConnectionListener {

    private static final Logger log = LoggerFactory.getLogger(PeerObserver.class);

    private final NettyHost host;
    private final AddressBook book;
    private final ConnectionManager connections;
    private final PeerObservationPublisher events;
    private final Clock clock;
    private final Executor executor;

    public PeerObserver(NettyHost host, AddressBook book, ConnectionManager connections, PeerObservationPublisher events,
            Clock clock, Executor executor) {
        this.host = host;
        this.book = book;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
        this.executor = executor;
    }

    @Override
    public void onConnected(Connection connection) {
        PeerId peer = connection.remotePeer();
        CompletableFuture<IdentifyMessage> identified = host.identify().identify(connection);
        CompletableFuture<String> agent = identified
                .thenApply(m -> m.agentVersion() == null ? "" : m.agentVersion())
                .exceptionally(e -> "");
        if (connection.direction() == Direction.INBOUND) {
            identified.thenAcceptAsync(m -> learnListenAddresses(peer, m.listenAddrs()), executor);
        }
        host.ping().ping(connection).thenAccept(rtt -> connections.recordPing(peer, rtt));
        if (connection.direction() == Direction.OUTBOUND) {
            Multiaddr address = connection.remoteAddress();
            agent.thenAcceptAsync(a -> {
                try {
                    book.recordSuccess(address, peer, a, clock.instant());
                    events.observe(address, Optional.of(peer), a, 0, Outcome.SUCCESS);
                } catch (RuntimeException e) {
                    log.warn("could not record a connection to {}: {}", peer, e.toString());
                }
            }, executor);
        }
    }

    @Override
    public void onDisconnected(Connection connection) {
    }

    /** An inbound peer's announced listen addresses (routable ones, at most 8) go to the book as {@code identify}. */
    private void learnListenAddresses(PeerId peer, List<Multiaddr> announced) {
        try {
            List<Multiaddr> usable = announced.stream()
                    .filter(a -> a.components().size() >= 2 && a.components().get(1).protocol() == Protocol.TCP)
                    .filter(a -> a.components().getFirst().protocol() != Protocol.IP4 && a.components().getFirst().protocol() != Protocol.IP6
                            || !a.components().getFirst().address().isAnyLocalAddress())
                    .limit(8)
                    .map(a -> a.withPeerId(peer))
                    .toList();
            book.addAll(usable, "identify", clock.instant());
        } catch (RuntimeException e) {
            log.debug("could not learn the addresses of {}: {}", peer, e.toString());
        }
    }

    /** A dial of {@code address} failed (call from the dialler's completion, any thread). */
    public void dialFailed(Multiaddr address, Throwable cause) {
        executor.execute(() -> {
            try {
                book.recordFailure(address, clock.instant());
                events.observe(address, address.peerId(), "", 0, Outcome.FAILURE);
            } catch (RuntimeException e) {
                log.warn("could not record a failed dial of {}: {}", address, e.toString());
            }
        });
    }
}
