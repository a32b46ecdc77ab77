package io.numicoin.seed.crawl;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.seed.peers.Observation;
import io.numicoin.seed.peers.Outcome;
import io.numicoin.seed.peers.PeerRecord;
import io.numicoin.seed.peers.PeerStore;
import io.numicoin.seed.peers.TcpAddress;
import io.numicoin.p2p.multiaddr.Multiaddr;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Visits the peers that are due, at most {@code maxConcurrent} at once, each on a virtual thread:
 * the result is scored in the store (which sets the next visit: polite intervals, longer for peers
 * that fail), and the addresses a peer gives are learnt. {@link #tick()} runs on a schedule and
 * starts as many visits as there are free slots.
 */
public final class Crawler {

    private static final Logger log = LoggerFactory.getLogger(Crawler.class);

    private final PeerStore store;
    private final PeerProbe probe;
    private final CrawlSettings settings;
    private final Clock clock;
    private final Semaphore slots;
    private final Map<Outcome, Counter> visits = new EnumMap<>(Outcome.class);
    private final Counter learnt;

    public Crawler(PeerStore store, PeerProbe probe, CrawlSettings settings, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.probe = probe;
        this.settings = settings;
        this.clock = clock;
        this.slots = new Semaphore(settings.maxConcurrent());
        for (Outcome outcome : Outcome.values()) {
            visits.put(outcome, Counter.builder("seed.crawl.visits").tag("outcome", outcome.name().toLowerCase()).register(registry));
        }
        this.learnt = Counter.builder("seed.crawl.learnt").register(registry);
        registry.gauge("seed.crawl.in_flight", slots, s -> settings.maxConcurrent() - s.availablePermits());
    }

    /**
     * Learns the configured bootstrap addresses. {@code /dns|dns4|dns6/<name>/tcp/<port>} is resolved
     * now, once (a compose service name); anything else that is not a TCP address is skipped with a warning.
     */
    public void learnBootstrap(List<String> addresses) {
        Instant now = clock.instant();
        for (String text : addresses) {
            Optional<TcpAddress> address = TcpAddress.parse(text).or(() -> resolved(text));
            if (address.isEmpty()) {
                log.warn("bootstrap address '{}' is not /ip4|ip6|dns4/<a>/tcp/<port>[/p2p/<id>] (or does not resolve); skipped", text);
                continue;
            }
            store.learn(address.get(), "config", now);
        }
    }

    private static Optional<TcpAddress> resolved(String text) {
        try {
            Multiaddr full = Multiaddr.parse(text);
            InetSocketAddress unresolved = full.withoutPeerId().toTcpSocketAddress();
            if (!unresolved.isUnresolved()) {
                return Optional.empty();
            }
            InetAddress ip = InetAddress.getByName(unresolved.getHostString());
            Multiaddr tcp = Multiaddr.tcp(new InetSocketAddress(ip, unresolved.getPort()));
            return TcpAddress.parse(full.peerId().map(tcp::withPeerId).orElse(tcp).toString());
        } catch (IllegalArgumentException | UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Starts visits to due peers in the free slots; returns how many it started. */
    public int tick() {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        Instant now = clock.instant();
        List<PeerRecord> due = store.claimDue(free, now, now.plus(settings.claimFor()));
        int started = 0;
        for (PeerRecord peer : due) {
            if (!slots.tryAcquire()) {
                break;  // the claimed rest come back when their claim runs out
            }
            TcpAddress address = new TcpAddress(peer.address(), peer.peerId());
            Thread.ofVirtual().name("seed-crawl").start(() -> visit(address));
            started++;
        }
        return started;
    }

    private void visit(TcpAddress address) {
        try {
            ProbeReport report = probe.probe(address);
            Observation seen = report.observation();
            store.record(seen, clock.instant());
            visits.get(seen.outcome()).increment();
            Instant now = clock.instant();
            for (TcpAddress other : report.learnt()) {
                if (store.learn(other, "crawl", now)) {
                    learnt.increment();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("visit to {} failed: {}", address.address(), e.toString());
        } finally {
            slots.release();
        }
    }

    /** Visits in progress. */
    public int inFlight() {
        return settings.maxConcurrent() - slots.availablePermits();
    }
}
