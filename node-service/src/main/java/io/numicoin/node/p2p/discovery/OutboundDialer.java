package io.numicoin.node.p2p.discovery;

import io.numicoin.node.p2p.hooks.PeerConnector;
import io.numicoin.node.p2p.peers.AddressBook;
import io.numicoin.node.p2p.peers.BanList;
import io.numicoin.node.p2p.peers.ConnectionManager;
import io.numicoin.node.p2p.peers.PeerObserver;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the outbound slots filled from the {@link AddressBook}: each {@link #fillOutboundSlots}
 * dials as many addresses as slots are free, skipping connected peers, banned peers and dials
 * still in flight. Success is recorded by {@link PeerObserver} when the connection opens; failure
 * here. Blocking (reads the database): call from a scheduler thread.
 */
public final class OutboundDialer {

    private final AddressBook book;
    private final ConnectionManager connections;
    private final BanList bans;
    private final PeerConnector connector;
    private final PeerObserver observer;
    private final Clock clock;
    private final Set<Multiaddr> inFlight = ConcurrentHashMap.newKeySet();

    public OutboundDialer(AddressBook book, ConnectionManager connections, BanList bans, PeerConnector connector,
            PeerObserver observer, Clock clock) {
        this.book = book;
        this.connections = connections;
        this.bans = bans;
        this.connector = connector;
        this.observer = observer;
        this.clock = clock;
    }

    /** @return the addresses dialled in this round */
    public List<Multiaddr> fillOutboundSlots() {
        int free = connections.freeOutboundSlots() - inFlight.size();
        if (free <= 0) {
            return List.of();
        }
        Set<PeerId> exclude = new HashSet<>(connector.connectedPeers());
        inFlight.forEach(a -> a.peerId().ifPresent(exclude::add));
        List<Multiaddr> dialled = new ArrayList<>();
        for (Multiaddr address : book.selectForDial(free, clock.instant(), exclude)) {
            if (dial(address)) {
                dialled.add(address);
            }
        }
        return dialled;
    }

    /** Dials one address unless its peer is banned or connected, or it is being dialled; false if skipped. */
    public boolean dial(Multiaddr address) {
        if (address.peerId().map(p -> bans.isBanned(p) || connector.connectedPeers().contains(p)).orElse(false)
                || !inFlight.add(address)) {
            return false;
        }
        CompletableFuture<PeerId> dial;
        try {
            dial = connector.dial(address);
        } catch (RuntimeException e) {
            dial = CompletableFuture.failedFuture(e);
        }
        dial.whenComplete((peer, failure) -> {
            inFlight.remove(address);
            if (failure != null) {
                observer.dialFailed(address, failure);
            }
        });
        return true;
    }

    public int inFlight() {
        return inFlight.size();
    }
}
