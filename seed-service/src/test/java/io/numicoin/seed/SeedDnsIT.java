package io.numicoin.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.seed.dns.SeedDnsServer;
import io.numicoin.seed.peers.Observation;
import io.numicoin.seed.peers.Outcome;
import io.numicoin.seed.peers.PeerStore;
import io.numicoin.seed.peers.TcpAddress;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The seed service running (real PostgreSQL, its own schema), asked with {@code dig} over UDP and
 * TCP: A, AAAA, TXT {@code _dnsaddr}, SOA and NS; a TXT answer too big for UDP retried over TCP; and
 * the answers following peers as they turn good and bad.
 */
class SeedDnsIT {

    static final String ZONE = "seed.regtest.numi.test";
    static final String STATUS = "/numi/regtest/status/1";
    static TestDatabase db;
    static ConfigurableApplicationContext seed;
    static PeerStore store;
    static Dig dig;
    static final List<String> PEER_IDS = new ArrayList<>();

    @BeforeAll
    static void start() {
        db = TestPostgres.shared().createDatabase("seeddns");
        seed = new SpringApplicationBuilder(SeedApplication.class).run(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--server.port=0",
                "--management.server.port=-1",
                "--numi.network=regtest",
                "--numi.events.enabled=false",
                "--numi.seed.crawl.enabled=false",
                "--numi.seed.dns.port=0",
                "--numi.seed.dns.refresh-interval=200ms",
                "--numi.seed.dns.rate-burst=10000",
                "--numi.seed.dns.max-answers=64",  // every peer of both tests in one answer
                "--numi.seed.peers.allow-non-public=true");
        store = seed.getBean(PeerStore.class);
        dig = new Dig(seed.getBean(SeedDnsServer.class).localAddress());
        Random random = new Random(14);
        for (int i = 0; i < 40; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            PEER_IDS.add(io.numicoin.p2p.peer.PeerId.fromEd25519PublicKey(key).toBase58());
        }
    }

    @AfterAll
    static void stop() {
        if (seed != null) {
            seed.close();
        }
        db.close();
    }

    static void visit(String text, int peer, Outcome outcome) {
        Instant now = Instant.now();
        TcpAddress parsed = TcpAddress.parse(text).orElseThrow();
        String address = parsed.address();  // the canonical text the store keys by (IPv6 uncompressed)
        store.learn(parsed, "test", now);
        Observation seen = outcome == Outcome.SUCCESS
                ? new Observation(address, Optional.of(PEER_IDS.get(peer)), "numicoin/0.1.0", 5, List.of(STATUS), 20, outcome, "")
                : new Observation(address, Optional.of(PEER_IDS.get(peer)), "", 0, List.of(), -1, outcome, "refused");
        assertThat(store.record(seen, now)).isPresent();
    }

    @Test
    void servesGoodPeersAndFollowsThemAsTheyTurnBad() {
        visit("/ip4/10.1.0.1/tcp/8333", 0, Outcome.SUCCESS);
        visit("/ip4/10.1.0.2/tcp/8333", 1, Outcome.SUCCESS);
        visit("/ip6/fd00::7/tcp/8333", 2, Outcome.SUCCESS);
        visit("/ip4/10.1.0.3/tcp/9001", 3, Outcome.SUCCESS);  // not the default port: TXT only
        visit("/ip4/10.1.0.4/tcp/8333", 4, Outcome.FAILURE);  // never answered: not served

        // the answers are a snapshot refreshed on an interval, which may fall between two of the visits above:
        // wait until one snapshot holds all of them (A alone could be served before fd00::7 or 10.1.0.3 is in)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(dig.answers(ZONE, "A")).containsExactlyInAnyOrder("10.1.0.1", "10.1.0.2");
            assertThat(dig.answers(ZONE, "AAAA")).containsExactly("fd00::7");
            assertThat(ownTxt()).containsExactlyInAnyOrder(
                    "\"dnsaddr=/ip4/10.1.0.1/tcp/8333/p2p/" + PEER_IDS.get(0) + "\"",
                    "\"dnsaddr=/ip4/10.1.0.2/tcp/8333/p2p/" + PEER_IDS.get(1) + "\"",
                    "\"dnsaddr=/ip6/fd00:0:0:0:0:0:0:7/tcp/8333/p2p/" + PEER_IDS.get(2) + "\"",
                    "\"dnsaddr=/ip4/10.1.0.3/tcp/9001/p2p/" + PEER_IDS.get(3) + "\"");
        });
        assertThat(dig.answers(ZONE, "SOA").getFirst()).startsWith("ns.seed.regtest.numi.test. hostmaster.seed.regtest.numi.test.");
        assertThat(dig.answers(ZONE, "NS")).containsExactly("ns.seed.regtest.numi.test.");
        assertThat(dig.answers(ZONE, "A", "+tcp")).containsExactlyInAnyOrder("10.1.0.1", "10.1.0.2");
        String header = dig.run("nothere." + ZONE, "A");
        assertThat(header).contains("status: NXDOMAIN").contains("flags: qr aa");
        assertThat(dig.run("example.com", "A")).contains("status: REFUSED").doesNotContain("ANSWER SECTION");

        // 10.1.0.2 stops answering: two failures end its short good record; 10.1.0.1 lies about its network: banned
        visit("/ip4/10.1.0.2/tcp/8333", 1, Outcome.FAILURE);
        visit("/ip4/10.1.0.2/tcp/8333", 1, Outcome.FAILURE);
        visit("/ip4/10.1.0.1/tcp/8333", 0, Outcome.MISBEHAVED);
        visit("/ip4/10.1.0.5/tcp/8333", 5, Outcome.SUCCESS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(dig.answers(ZONE, "A")).containsExactly("10.1.0.5"));
        assertThat(ownTxt()).hasSize(3).noneMatch(t -> t.contains("10.1.0.1/") || t.contains("10.1.0.2/"));
    }

    /** The TXT records of this test's peers (the other test adds its own to the same seed); over TCP, so all are there. */
    static List<String> ownTxt() {
        return dig.answers("_dnsaddr." + ZONE, "TXT", "+tcp").stream().filter(t -> t.contains("/10.1.") || t.contains("/fd00:"))
                .toList();
    }

    @Test
    void aTxtAnswerTooBigForUdpIsRetriedOverTcp() {
        for (int i = 0; i < 30; i++) {
            visit("/ip4/10.2.0." + (i + 1) + "/tcp/9100", 10 + i, Outcome.SUCCESS);
        }
        // the answers are a snapshot refreshed on an interval: wait until it holds all 30 (over TCP, never truncated)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(dig.answers("_dnsaddr." + ZONE, "TXT", "+tcp").stream().filter(t -> t.contains("/10.2.0.")).count())
                        .isEqualTo(30));
        assertThat(dig.run("+noedns", "+ignore", "_dnsaddr." + ZONE, "TXT")).contains("flags: qr aa tc");
        String retried = dig.run("+noedns", "_dnsaddr." + ZONE, "TXT");
        assertThat(retried).contains("Truncated, retrying in TCP mode");
        assertThat(retried.lines().filter(l -> l.contains("dnsaddr=/ip4/10.2.0.")).count()).isEqualTo(30);
    }
}
