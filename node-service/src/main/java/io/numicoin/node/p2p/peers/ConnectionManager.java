package io.numicoin.node.p2p.peers;

import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.ConnectionGater;
import io.numicoin.p2p.host.ConnectionListener;
import io.numicoin.p2p.host.Direction;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's {@link ConnectionGater} and the bookkeeping behind it.
 * <ul>
 * <li>Dials: refused to a banned peer or address, past {@link ConnectionLimits#maxOutbound} or into a
 * full address group (the {@link AddressGroup#LOCAL} group, several nodes on one machine, is exempt).</li>
 * <li>Inbound, on accept (the peer is unknown yet): refused from a banned address or one already at
 * {@link ConnectionLimits#maxInboundPerIp} / {@link ConnectionLimits#maxInboundPerSubnet}. Never an
 * eviction: a socket that has not authenticated costs no established peer.</li>
 * <li>Inbound, after the handshake: refused for a banned peer id, the address checks again, then past
 * {@link ConnectionLimits#maxInbound} unless {@link EvictionPolicy} finds an inbound connection to drop
 * for it.</li>
 * </ul>
 * {@link ExemptAddresses} (loopback, the allow-list) skip the address checks and address bans, never a
 * peer-id ban. When a peer is banned, the addresses it is connected from are banned with it. Register
 * it with the host as gater and connection listener. In-memory and non-blocking (gater methods run on
 * event loops).
 */
public final class ConnectionManager implements ConnectionGater, ConnectionListener {

    private static final Logger log = LoggerFactory.getLogger(ConnectionManager.class);

    private record Tracked(PeerId peer, Direction direction, String group, Optional<InetAddress> ip, Optional<String> subnet,
            Instant connectedAt) {
    }

    private record Quality(Optional<Duration> minPing, Optional<Instant> lastUsefulBlock) {
        static final Quality NONE = new Quality(Optional.empty(), Optional.empty());
    }

    private final ConnectionLimits limits;
    private final BanList bans;
    private final EvictionPolicy eviction;
    private final ExemptAddresses exempt;
    private final Clock clock;
    private final Map<Connection, Tracked> connections = new ConcurrentHashMap<>();
    private final List<Consumer<PeerId>> peerGoneListeners = new CopyOnWriteArrayList<>();
    private final Map<PeerId, Quality> quality = new ConcurrentHashMap<>();

    /** Loopback exempt from the address rules, nothing else. */
    public ConnectionManager(ConnectionLimits limits, BanList bans, EvictionPolicy eviction, Clock clock) {
        this(limits, bans, eviction, ExemptAddresses.loopbackOnly(), clock);
    }

    public ConnectionManager(ConnectionLimits limits, BanList bans, EvictionPolicy eviction, ExemptAddresses exempt, Clock clock) {
        this.limits = limits;
        this.bans = bans;
        this.eviction = eviction;
        this.exempt = exempt;
        this.clock = clock;
        bans.onBan(this::banAddressesOf);
    }

    @Override
    public boolean allowDial(Multiaddr address) {
        if (address.peerId().map(bans::isBanned).orElse(false)) {
            return false;
        }
        if (AddressGroup.ipOf(address).filter(ip -> !exempt.isExempt(ip) && bans.isBanned(ip)).isPresent()) {
            return false;
        }
        if (count(Direction.OUTBOUND) >= limits.maxOutbound()) {
            return false;
        }
        String group = AddressGroup.of(address);
        return group.equals(AddressGroup.LOCAL) || outboundInGroup(group) < limits.maxOutboundPerGroup();
    }

    /** Address rules only: the peer is not authenticated, so nobody is evicted for it. */
    @Override
    public boolean allowInbound(Multiaddr remoteAddress) {
        return addressAllowed(remoteAddress);
    }

    @Override
    public boolean allowSecured(PeerId peer, Direction direction) {
        return !bans.isBanned(peer);
    }

    @Override
    public boolean allowSecured(PeerId peer, Multiaddr remoteAddress, Direction direction) {
        if (bans.isBanned(peer)) {
            return false;
        }
        if (direction == Direction.OUTBOUND) {
            return true;
        }
        if (!addressAllowed(remoteAddress)) {
            return false;
        }
        if (count(Direction.INBOUND) < limits.maxInbound()) {
            return true;
        }
        Optional<Connection> victim = evictionVictim();
        victim.ifPresent(c -> {
            log.debug("inbound slots full: evicting {} for {} at {}", c.remotePeer(), peer, remoteAddress);
            connections.remove(c);
            c.close();
        });
        return victim.isPresent();
    }

    private boolean addressAllowed(Multiaddr remoteAddress) {
        Optional<InetAddress> ip = AddressGroup.ipOf(remoteAddress);
        if (ip.isEmpty() || exempt.isExempt(ip.get())) {
            return true;
        }
        if (bans.isBanned(ip.get())) {
            log.debug("refusing {}: the address is banned", remoteAddress);
            return false;
        }
        String subnet = AddressGroup.inboundSubnet(ip.get());
        long fromIp = 0;
        long fromSubnet = 0;
        for (Tracked t : connections.values()) {
            if (t.direction() == Direction.INBOUND) {
                fromIp += t.ip().equals(ip) ? 1 : 0;
                fromSubnet += t.subnet().filter(subnet::equals).isPresent() ? 1 : 0;
            }
        }
        if (fromIp >= limits.maxInboundPerIp() || fromSubnet >= limits.maxInboundPerSubnet()) {
            log.debug("refusing {}: {} inbound from the address, {} from {}", remoteAddress, fromIp, fromSubnet, subnet);
            return false;
        }
        return true;
    }

    /** A peer was banned: so are the addresses it is connected from, for as long. */
    private void banAddressesOf(Ban ban) {
        connections.values().stream().filter(t -> t.peer().equals(ban.peer())).map(Tracked::ip).flatMap(Optional::stream)
                .distinct().forEach(ip -> {
                    bans.banAddress(ip, ban.until(), "address of " + ban.peer().toBase58() + ": " + ban.reason());
                    log.debug("banned address {} with {}", ip.getHostAddress(), ban.peer());
                });
    }

    @Override
    public void onConnected(Connection connection) {
        Optional<InetAddress> ip = AddressGroup.ipOf(connection.remoteAddress());
        connections.put(connection, new Tracked(connection.remotePeer(), connection.direction(),
                AddressGroup.of(connection.remoteAddress()), ip, ip.map(AddressGroup::inboundSubnet), clock.instant()));
    }

    @Override
    public void onDisconnected(Connection connection) {
        Tracked gone = connections.remove(connection);
        if (gone != null && connections.values().stream().noneMatch(t -> t.peer().equals(gone.peer()))) {
            quality.remove(gone.peer());
            peerGoneListeners.forEach(listener -> listener.accept(gone.peer()));
        }
    }

    /** Calls {@code listener} when a peer's last connection closes (to drop what is kept per connected peer). */
    public void onPeerGone(Consumer<PeerId> listener) {
        peerGoneListeners.add(listener);
    }

    /** A ping to {@code peer} took {@code rtt} (the lowest is kept). */
    public void recordPing(PeerId peer, Duration rtt) {
        quality.merge(peer, new Quality(Optional.of(rtt), Optional.empty()), (old, add) -> new Quality(
                Optional.of(old.minPing().filter(p -> p.compareTo(rtt) <= 0).orElse(rtt)), old.lastUsefulBlock()));
    }

    /** {@code peer} sent a block this node did not have. */
    public void recordUsefulBlock(PeerId peer) {
        Instant now = clock.instant();
        quality.merge(peer, new Quality(Optional.empty(), Optional.of(now)),
                (old, add) -> new Quality(old.minPing(), Optional.of(now)));
    }

    /** Open connections in {@code direction}. */
    public int count(Direction direction) {
        return (int) connections.values().stream().filter(t -> t.direction() == direction).count();
    }

    /** Outbound slots still free. */
    public int freeOutboundSlots() {
        return Math.max(0, limits.maxOutbound() - count(Direction.OUTBOUND));
    }

    public ConnectionLimits limits() {
        return limits;
    }

    /** The inbound connection {@link EvictionPolicy} would drop now. */
    public Optional<Connection> evictionVictim() {
        List<Map.Entry<Connection, Tracked>> inbound = connections.entrySet().stream()
                .filter(e -> e.getValue().direction() == Direction.INBOUND).toList();
        List<EvictionCandidate> candidates = inbound.stream().map(e -> {
            Tracked t = e.getValue();
            Quality q = quality.getOrDefault(t.peer(), Quality.NONE);
            return new EvictionCandidate(t.peer(), t.group(), t.connectedAt(), q.minPing(), q.lastUsefulBlock());
        }).toList();
        return eviction.select(candidates).flatMap(victim -> inbound.stream()
                .filter(e -> e.getValue().peer().equals(victim.peer())).map(Map.Entry::getKey).findFirst());
    }

    private long outboundInGroup(String group) {
        return connections.values().stream().filter(t -> t.direction() == Direction.OUTBOUND && t.group().equals(group)).count();
    }
}
