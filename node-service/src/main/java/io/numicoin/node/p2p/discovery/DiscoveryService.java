package io.numicoin.node.p2p.discovery;

import io.numicoin.network.peers.PeerExchangeCodec;
import io.numicoin.node.p2p.peers.AddressBook;
import io.numicoin.node.p2p.peers.BanList;
import io.numicoin.node.p2p.peers.ConnectionManager;
import io.numicoin.node.p2p.peers.PeerObserver;
import io.numicoin.node.p2p.peers.PeerScores;
import io.numicoin.p2p.gossipsub.GossipListener;
import io.numicoin.p2p.host.Host;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.multiaddr.MultiaddrException;
import io.numicoin.p2p.peer.PeerId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs discovery on a host: installs the {@link ConnectionManager} as gater and listener, the
 * {@link PeerObserver} and the peer-exchange protocol; loads the stored bans; feeds the address
 * book from the bootstrap list and DNS seeds (again whenever it runs short), from mDNS when
 * enabled and from peer exchange; and keeps the outbound slots filled ({@link OutboundDialer}).
 * One scheduler thread; database work happens there or on the observer's executor. Its rounds skip
 * while the host's networking is switched off ({@code Host#setNetworkActive}).
 */
public final class DiscoveryService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiscoveryService.class);

    /**
     * @param dialInterval how often free outbound slots are filled
     * @param exchangeInterval how often a random peer is asked for addresses while the book is short
     * @param seedInterval how often the bootstrap list and DNS seeds are read again while the book is short
     * @param wantedAddresses the book counts as short with fewer dialable addresses than this
     */
    public record Settings(List<String> bootstrap, List<String> dnsSeeds, Duration dialInterval, Duration exchangeInterval,
            Duration seedInterval, int wantedAddresses) {
    }

    private final Host host;
    private final AddressBook book;
    private final BanList bans;
    private final PeerScores scores;
    private final ConnectionManager connections;
    private final PeerObserver observer;
    private final OutboundDialer dialer;
    private final PeerExchange exchange;
    private final DnsSeedResolver dns;
    private final Optional<MdnsDiscovery> mdns;
    private final Settings settings;
    private final Clock clock;
    private final java.util.concurrent.ExecutorService owned;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("numi-discovery").factory());

    public DiscoveryService(Host host, AddressBook book, BanList bans, PeerScores scores, ConnectionManager connections,
            PeerObserver observer, OutboundDialer dialer, PeerExchange exchange, DnsSeedResolver dns,
            Optional<MdnsDiscovery> mdns, Settings settings, Clock clock) {
        this(host, book, bans, scores, connections, observer, dialer, exchange, dns, mdns, settings, clock, null);
    }

    /** @param owned an executor the parts use, shut down by {@link #close} (null for none) */
    public DiscoveryService(Host host, AddressBook book, BanList bans, PeerScores scores, ConnectionManager connections,
            PeerObserver observer, OutboundDialer dialer, PeerExchange exchange, DnsSeedResolver dns,
            Optional<MdnsDiscovery> mdns, Settings settings, Clock clock, java.util.concurrent.ExecutorService owned) {
        this.host = host;
        this.book = book;
        this.bans = bans;
        this.scores = scores;
        this.connections = connections;
        this.observer = observer;
        this.dialer = dialer;
        this.exchange = exchange;
        this.dns = dns;
        this.mdns = mdns;
        this.settings = settings;
        this.clock = clock;
        this.owned = owned;
    }

    /** Installs the gater, listeners and protocol on the host; call before it listens or dials. */
    public void install() {
        int banned = bans.load();
        log.info("discovery: {} addresses known, {} peers banned", book.size(), banned);
        host.setConnectionGater(connections);
        host.addConnectionListener(connections);
        host.addConnectionListener(observer);
        exchange.install();
    }

    /** Starts seeding, mDNS and the dial loop. */
    public void start() {
        mdns.ifPresent(m -> m.start(addresses -> book.addAll(addresses, "mdns", clock.instant())));
        scheduler.execute(this::seed);
        schedule(this::fill, settings.dialInterval());
        schedule(this::exchangeIfShort, settings.exchangeInterval());
        schedule(this::seedIfShort, settings.seedInterval());
        schedule(scores::prune, Duration.ofMinutes(1));
    }

    /** The listener to give gossipsub, so PRUNE peer-exchange hints reach {@link PeerExchange}. */
    public GossipListener gossipListener() {
        return exchange;
    }

    public OutboundDialer dialer() {
        return dialer;
    }

    private void schedule(Runnable task, Duration every) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("discovery task failed: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adds the bootstrap list and every DNS seed's addresses to the book. */
    void seed() {
        List<Multiaddr> found = new ArrayList<>();
        for (String text : settings.bootstrap()) {
            try {
                found.add(Multiaddr.parse(text));
            } catch (MultiaddrException e) {
                log.warn("bootstrap address '{}' ignored: {}", text, e.getMessage());
            }
        }
        book.addAll(found, "bootstrap", clock.instant());
        for (String seed : settings.dnsSeeds()) {
            List<Multiaddr> resolved = dns.resolve(seed);
            log.info("DNS seed {}: {} addresses", seed, resolved.size());
            book.addAll(resolved, "dns", clock.instant());
        }
        fill();
    }

    private void fill() {
        if (networkOff()) {
            return;
        }
        dialer.fillOutboundSlots();
    }

    /** Switched off by the operator ({@code NetworkSwitch}): no dialling, seeding or exchange. */
    private boolean networkOff() {
        return !host.networkActive();
    }

    private boolean bookIsShort() {
        return book.selectForDial(settings.wantedAddresses(), clock.instant(), List.of()).size() < settings.wantedAddresses();
    }

    private void exchangeIfShort() {
        if (networkOff()) {
            return;
        }
        List<PeerId> peers = host.connections().stream().map(c -> c.remotePeer()).distinct().toList();
        if (peers.isEmpty() || !bookIsShort()) {
            return;
        }
        PeerId peer = peers.get(ThreadLocalRandom.current().nextInt(peers.size()));
        exchange.requestFrom(peer, PeerExchangeCodec.MAX_ADDRESSES)
                .exceptionally(e -> {
                    log.debug("peer exchange with {} failed: {}", peer, e.toString());
                    return List.of();
                });
    }

    private void seedIfShort() {
        if (!networkOff() && bookIsShort()) {
            seed();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        mdns.ifPresent(MdnsDiscovery::close);
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
