package io.numicoin.seed.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.numicoin.network.NetworkProtocols;
import io.numicoin.network.sync.ChainStatusMessage;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.seed.crawl.FakeNetworkPeer.Behaviour;
import io.numicoin.seed.peers.GoodPeer;
import io.numicoin.seed.peers.PeerRecord;
import io.numicoin.seed.peers.PeerScoring;
import io.numicoin.seed.peers.PostgresPeerStore;
import io.numicoin.seed.peers.ScoringSettings;
import io.numicoin.seed.peers.SeedDatabase;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    static final NetworkProtocols PROTOCOLS = NetworkProtocols.of(Network.REGTEST, Duration.ofSeconds(2));
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
        P2pPeerProbe probe = new P2pPeerProbe(crawlHost, PROTOCOLS, ChainStatusMessage.atGenesis(REGTEST), Duration.ofSeconds(3), 32);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Crawler crawler = new Crawler(store, probe, new CrawlSettings(4, Duration.ofMinutes(1)), Clock.systemUTC(), meters);
        crawler.learnBootstrap(List.of(honest1.address().toString(), "/dns4/seed-bootstrap.invalid/tcp/8333", "/ip4/127.0.0.1/udp/8333"));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            crawler.tick();
            return crawler.inFlight() == 0 && store.size() == 7
                    && store.claimDue(1, java.time.Instant.now(), java.time.Instant.now()).isEmpty();
        });

        for (FakeNetworkPeer honest : List.of(honest1, honest2, honest3)) {
            PeerRecord r = store.find(honest.bareAddress()).orElseThrow();
            assertThat(r.good()).as(honest.bareAddress()).isTrue();
            assertThat(r.agent()).isEqualTo("fake/HONEST");
            assertThat(r.height()).isEqualTo(7);
            assertThat(r.protocols()).contains(PROTOCOLS.status().id().toString(), PROTOCOLS.peers().id().toString());
            assertThat(r.latencyMillis()).isBetween(0, 3000);
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

        assertThat(store.good(100, java.time.Instant.now())).extracting(GoodPeer::address)
                .containsExactlyInAnyOrder(honest1.bareAddress(), honest2.bareAddress(), honest3.bareAddress());
        assertThat(meters.get("seed.crawl.visits").tag("outcome", "success").counter().count()).isEqualTo(3);
        assertThat(meters.get("seed.crawl.visits").tag("outcome", "misbehaved").counter().count()).isEqualTo(2);
        assertThat(meters.get("seed.crawl.visits").tag("outcome", "failure").counter().count()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(crawlHost.connections()).as("every visit disconnects").isEmpty());
    }
}
