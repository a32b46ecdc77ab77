package io.numicoin.seed.crawl;

import io.numicoin.network.NetworkProtocols;
import io.numicoin.network.peers.PeerExchangeClient;
import io.numicoin.network.peers.PeerExchangeCodec;
import io.numicoin.network.peers.PeerExchangeException;
import io.numicoin.network.sync.ChainStatusMessage;
import io.numicoin.network.sync.StatusExchange;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protocols.identify.IdentifyMessage;
import io.numicoin.p2p.protocols.reqresp.RequestResponseException;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.seed.peers.Observation;
import io.numicoin.seed.peers.Outcome;
import io.numicoin.seed.peers.TcpAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Visits a peer over the p2p stack: dials a connection of its own (Noise, yamux), asks identify
 * (agent, protocols), sends this network's status and reads the peer's (genesis, height; the latency
 * is dial to status answer), asks peer exchange for addresses if it serves it, and closes that
 * connection. Every question goes over the visit's own connection: another visit to the same peer at
 * another address (peer exchange gives a peer's every address) never answers for this one or cuts it off. A peer that follows
 * another genesis, sends an undecodable or oversize status, or gives undecodable addresses
 * misbehaved; one that cannot be reached or does not answer in time failed.
 */
public final class P2pPeerProbe implements PeerProbe {

    private final NettyHost host;
    private final NetworkProtocols protocols;
    private final ChainStatusMessage ourStatus;
    private final Duration timeout;
    private final int addressesPerVisit;

    /**
     * @param ourStatus what the seed says it follows: the genesis as its tip, height 0 (it stores no chain)
     */
    public P2pPeerProbe(NettyHost host, NetworkProtocols protocols, ChainStatusMessage ourStatus, Duration timeout,
            int addressesPerVisit) {
        this.host = Objects.requireNonNull(host, "host");
        this.protocols = Objects.requireNonNull(protocols, "protocols");
        this.ourStatus = Objects.requireNonNull(ourStatus, "ourStatus");
        this.timeout = timeout;
        this.addressesPerVisit = Math.clamp(addressesPerVisit, 1, PeerExchangeCodec.MAX_ADDRESSES);
    }

    @Override
    public ProbeReport probe(TcpAddress address) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Connection connection;
        CompletableFuture<Connection> dialling = host.dialNew(Multiaddr.parse(address.address()));
        try {
            connection = dialling.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // the host's own dial timeout ends the dial; one that is up after the visit gave up is closed, not left open
            dialling.thenAccept(Connection::close);
            return ProbeReport.of(Observation.failure(address.address(), address.peerId(), "dial: visit timed out"));
        } catch (ExecutionException e) {
            return ProbeReport.of(Observation.failure(address.address(), address.peerId(), "dial: " + cause(e)));
        }
        PeerId peer = connection.remotePeer();
        Optional<String> peerId = Optional.of(peer.toBase58());
        try {
            IdentifyMessage identify = await(host.identify().identify(connection), deadline);
            ChainStatusMessage theirs;
            try {
                theirs = await(StatusExchange.request(connection, protocols.status(), ourStatus), deadline);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof DecodeException d) {
                    return ProbeReport.of(Observation.misbehaved(address.address(), peerId, "undecodable status: " + d.getMessage()));
                }
                if (e.getCause() instanceof RequestResponseException r && r.kind() == RequestResponseException.Kind.TOO_LARGE) {
                    return ProbeReport.of(Observation.misbehaved(address.address(), peerId, "oversize status"));
                }
                throw e;
            }
            int latency = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            Hash256 genesis = ourStatus.genesisId();
            if (!theirs.genesisId().equals(genesis)) {
                return ProbeReport.of(Observation.misbehaved(address.address(), peerId, "another genesis: " + theirs.genesisId()));
            }
            List<TcpAddress> learnt = List.of();
            if (identify.protocols().contains(protocols.peers().id().toString())) {
                try {
                    learnt = askForAddresses(connection, deadline);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof PeerExchangeException p) {
                        return ProbeReport.of(Observation.misbehaved(address.address(), peerId, "undecodable addresses: " + p.getMessage()));
                    }
                    learnt = List.of();  // the visit still counts: status answered
                } catch (TimeoutException e) {
                    learnt = List.of();
                }
            }
            Observation seen = new Observation(address.address(), peerId, identify.agentVersion(), theirs.tipHeight(),
                    ourProtocolsFirst(identify.protocols()), latency, Outcome.SUCCESS, "");
            return new ProbeReport(seen, learnt);
        } catch (ExecutionException | TimeoutException e) {
            return ProbeReport.of(Observation.failure(address.address(), peerId, cause(e)));
        } finally {
            connection.close();
        }
    }

    private List<TcpAddress> askForAddresses(Connection connection, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<TcpAddress> out = new ArrayList<>();
        List<Multiaddr> given = await(PeerExchangeClient.request(connection, host.peerId(), protocols.peers(), addressesPerVisit),
                deadline);
        for (Multiaddr m : given) {
            TcpAddress.parse(m.toString()).ifPresent(out::add);
        }
        return out;
    }

    /** At most {@link Observation#MAX_PROTOCOLS}, NumiCoin's first (identify may list up to 256). */
    private static List<String> ourProtocolsFirst(List<String> protocols) {
        return protocols.stream().sorted(Comparator.comparing((String p) -> !p.startsWith("/numi/"))).limit(Observation.MAX_PROTOCOLS)
                .toList();
    }

    private static <T> T await(CompletableFuture<T> future, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            future.cancel(false);
            throw new TimeoutException("visit timed out");
        }
        try {
            return future.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw e;
        }
    }

    private static String cause(Exception e) {
        Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
