package io.numicoin.seed.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.numicoin.network.NetworkProtocols;
import io.numicoin.network.sync.ChainStatusMessage;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.seed.crawl.FakeNetworkPeer.Behaviour;
import io.numicoin.seed.peers.GoodPeer;
import io.numicoin.seed.peers.Observation;
import io.numicoin.seed.peers.Outcome;
import io.numicoin.seed.peers.PeerRecord;
import io.numicoin.seed.peers.PeerScoring;
import io.numicoin.seed.peers.PostgresPeerStore;
import io.numicoin.seed.peers.ScoringSettings;
import io.numicoin.seed.peers.SeedDatabase;
import io.numicoin.seed.peers.TcpAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The crawler with the real p2p probe against real hosts on 127.0.0.1: it starts from one bootstrap
 * address, follows peer exchange to the rest, scores the honest peers good (with agent, height,
 * protocols, latency), bans the ones that follow another genesis or send garbage, and counts the
 * silent and the unreachable as failures.
 */
class CrawlerIT {

    static final NetworkParams REGTEST = NetworkParams.regtest();
    /** A request's timeout: how long the silent peer is waited for. */
    static final NetworkProtocols PROTOCOLS = NetworkProtocols.of(Network.REGTEST, Duration.ofSeconds(4));
    /** A whole visit's: the production default, room for a cold JVM on a busy machine (a visit takes milliseconds warm). */
    static final Duration VISIT_TIMEOUT = Duration.ofSeconds(15);
    static final ChainStatusMessage AT_HEIGHT_7 = new ChainStatusMessage(REGTEST.genesisId(), REGTEST.genesisId(), 7,
            REGTEST.genesis().header().target().work());
    static final ChainStatusMessage MAINNET = ChainStatusMessage.atGenesis(NetworkParams.mainnet());

    static SeedDatabase db;
    static NettyHost crawlHost;
    static final List<FakeNetworkPeer> PEERS = new ArrayList<>();

    @BeforeAll
    static void start() {
        db = new SeedDatabase("seedcrawl");
        crawlHost = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withConnectionLimits(0, 16));
    }

    @AfterAll
    static void stop() {
        PEERS.forEach(FakeNetworkPeer::close);
        crawlHost.close();
        db.close();
    }

    static FakeNetworkPeer peer(Behaviour behaviour, List<Multiaddr> neighbours) {
        FakeNetworkPeer p = new FakeNetworkPeer(PROTOCOLS, AT_HEIGHT_7, MAINNET, behaviour, () -> neighbours);
        PEERS.add(p);
        return p;
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void findsTheNetworkThroughPeerExchangeAndTellsHonestFromMisbehaving() throws Exception {
        FakeNetworkPeer honest3 = peer(Behaviour.HONEST, List.of());
        FakeNetworkPeer otherGenesis = peer(Behaviour.OTHER_GENESIS, List.of());
        FakeNetworkPeer garbage = peer(Behaviour.GARBAGE_STATUS, List.of());
        FakeNetworkPeer silent = peer(Behaviour.SILENT, List.of());
        Multiaddr dead = Multiaddr.parse("/ip4/127.0.0.1/tcp/" + closedPort()).withPeerId(honest3.address().peerId().orElseThrow());
        FakeNetworkPeer honest2 = peer(Behaviour.HONEST, List.of(honest3.address(), dead));
        FakeNetworkPeer honest1 = peer(Behaviour.HONEST,
                List.of(honest2.address(), otherGenesis.address(), garbage.address(), silent.address()));

        ScoringSettings settings = new ScoringSettings(PROTOCOLS.status().id().toString(), 0, true, Duration.ofMinutes(15),
                Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(30));
        PostgresPeerStore store = db.store(new PeerScoring(settings), 1000, 8);
        P2pPeerProbe probe = probe();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Crawler crawler = new Crawler(store, probe, new CrawlSettings(4, Duration.ofMinutes(1)), Clock.systemUTC(), meters);
        crawler.learnBootstrap(List.of(honest1.address().toString(), "/dns4/seed-bootstrap.invalid/tcp/8333", "/ip4/127.0.0.1/udp/8333"));

        List<String> addresses = List.of(honest1.bareAddress(), honest2.bareAddress(), honest3.bareAddress(), otherGenesis.bareAddress(),
                garbage.bareAddress(), silent.bareAddress(), dead.withoutPeerId().toString());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            crawler.tick();
            // every peer found and visited once, none due again: what each one's record says when not
            assertThat(crawler.inFlight() == 0 && store.size() == 7 && store.claimDue(1, Instant.now(), Instant.now()).isEmpty())
                    .as(() -> "in flight %d, %d peers: %s".formatted(crawler.inFlight(), store.size(), visited(store, addresses)))
                    .isTrue();
        });

        for (FakeNetworkPeer honest : List.of(honest1, honest2, honest3)) {
            PeerRecord r = store.find(honest.bareAddress()).orElseThrow();
            assertThat(r.good()).as(honest.bareAddress()).isTrue();
            assertThat(r.agent()).isEqualTo("fake/HONEST");
            assertThat(r.height()).isEqualTo(7);
            assertThat(r.protocols()).contains(PROTOCOLS.status().id().toString(), PROTOCOLS.peers().id().toString());
            assertThat(r.latencyMillis()).isBetween(0, (int) VISIT_TIMEOUT.toMillis());
            assertThat(r.peerId()).contains(honest.address().peerId().orElseThrow().toBase58());
        }
        assertThat(store.find(honest1.bareAddress()).orElseThrow().source()).isEqualTo("config");
        assertThat(store.find(honest3.bareAddress()).orElseThrow().source()).isEqualTo("crawl");
        for (FakeNetworkPeer bad : List.of(otherGenesis, garbage)) {
            PeerRecord r = store.find(bad.bareAddress()).orElseThrow();
            assertThat(r.good()).isFalse();
            assertThat(r.bannedUntil()).as(bad.bareAddress()).isPresent();
            assertThat(r.banReason()).startsWith(bad == otherGenesis ? "another genesis" : "undecodable status");
        }
        PeerRecord quiet = store.find(silent.bareAddress()).orElseThrow();
        assertThat(quiet.good()).isFalse();
        assertThat(quiet.bannedUntil()).isEmpty();
        assertThat(quiet.consecutiveFailures()).isEqualTo(1);
        PeerRecord unreachable = store.find(dead.withoutPeerId().toString()).orElseThrow();
        assertThat(unreachable.consecutiveFailures()).isEqualTo(1);
        assertThat(unreachable.lastSuccess()).isEmpty();

        assertThat(store.good(100, Instant.now())).extracting(GoodPeer::address)
                .containsExactlyInAnyOrder(honest1.bareAddress(), honest2.bareAddress(), honest3.bareAddress());
        assertThat(meters.get("seed.crawl.visits").tag("outcome", "success").counter().count()).isEqualTo(3);
        assertThat(meters.get("seed.crawl.visits").tag("outcome", "misbehaved").counter().count()).isEqualTo(2);
        assertThat(meters.get("seed.crawl.visits").tag("outcome", "failure").counter().count()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(crawlHost.connections()).as("every visit disconnects").isEmpty());
    }

    @Test
    void aVisitAsksAndClosesOnlyItsOwnConnectionSoThePeersOthersStayOpen() throws Exception {
        // peer exchange gives every address of a peer, so two visits to one peer can overlap
        FakeNetworkPeer honest = peer(Behaviour.HONEST, List.of());
        String peerId = honest.address().peerId().orElseThrow().toBase58();
        Connection open = crawlHost.dial(honest.address()).get(10, TimeUnit.SECONDS);
        P2pPeerProbe probe = probe();

        Observation live = probe.probe(new TcpAddress(honest.bareAddress(), Optional.of(peerId))).observation();
        assertThat(live.outcome()).isEqualTo(Outcome.SUCCESS);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(crawlHost.connections()).as("the visit's connection closed, the other one open").containsExactly(open));

        Multiaddr dead = Multiaddr.parse("/ip4/127.0.0.1/tcp/" + closedPort());
        Observation unreachable = probe.probe(new TcpAddress(dead.toString(), Optional.of(peerId))).observation();
        assertThat(unreachable.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(unreachable.reason()).startsWith("dial: ");
        assertThat(open.isOpen()).isTrue();
        open.close().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(crawlHost.connections()).isEmpty());
    }

    @Test
    void aDialThatIsUpOnlyAfterTheVisitGaveUpIsClosed() throws Exception {
        FakeNetworkPeer honest = peer(Behaviour.HONEST, List.of());
        // a visit of no time at all: the dial starts, the visit gives up at once, the connection comes up later
        P2pPeerProbe hasty = new P2pPeerProbe(crawlHost, PROTOCOLS, ChainStatusMessage.atGenesis(REGTEST), Duration.ofNanos(1), 32);
        Observation seen = hasty.probe(new TcpAddress(honest.bareAddress(), Optional.empty())).observation();
        assertThat(seen.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(seen.reason()).isEqualTo("dial: visit timed out");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(honest.connectionsSeen()).as("the dial went on and reached the peer").isPositive());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(crawlHost.connections()).as("no connection left behind by a visit that gave up").isEmpty());
    }

    static P2pPeerProbe probe() {
        return new P2pPeerProbe(crawlHost, PROTOCOLS, ChainStatusMessage.atGenesis(REGTEST), VISIT_TIMEOUT, 32);
    }

    static String visited(PostgresPeerStore store, List<String> addresses) {
        StringBuilder out = new StringBuilder();
        for (String address : addresses) {
            out.append("\n  ").append(address).append(": ").append(store.find(address).map(r -> "good " + r.good()
                    + ", failures " + r.consecutiveFailures() + ", last success " + r.lastSuccess().orElse(null) + ", banned "
                    + r.bannedUntil().isPresent() + ", next try " + r.nextTry()).orElse("not found"));
        }
        return out.toString();
    }
}
