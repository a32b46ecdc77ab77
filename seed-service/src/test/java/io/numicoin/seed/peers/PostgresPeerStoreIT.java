package io.numicoin.seed.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store on real PostgreSQL: bounded learning, claims, scoring round trips, the good list, pruning. */
class PostgresPeerStoreIT {

    static SeedDatabase db;
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @BeforeAll
    static void create() {
        db = new SeedDatabase("seedstore");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    static TcpAddress address(String text) {
        return TcpAddress.parse(text).orElseThrow();
    }

    @Test
    void learnsUpToTheBoundAndClaimsDuePeersOnce() {
        PostgresPeerStore store = db.store(new PeerScoring(PeerScoringTest.SETTINGS), 5, 3);
        for (int i = 1; i <= 8; i++) {
            store.learn(address("/ip4/203.0.113." + i + "/tcp/8333"), "test", T0.plusSeconds(i));
        }
        assertThat(store.size()).isEqualTo(5);
        assertThat(store.learn(address("/ip4/203.0.113.1/tcp/8333"), "test", T0)).isFalse();
        List<PeerRecord> first = store.claimDue(3, T0.plusSeconds(60), T0.plusSeconds(360));
        assertThat(first).extracting(PeerRecord::address)
                .containsExactly("/ip4/203.0.113.1/tcp/8333", "/ip4/203.0.113.2/tcp/8333", "/ip4/203.0.113.3/tcp/8333");
        assertThat(store.claimDue(10, T0.plusSeconds(60), T0.plusSeconds(360))).hasSize(2);
        assertThat(store.claimDue(10, T0.plusSeconds(60), T0.plusSeconds(360))).isEmpty();
        assertThat(store.claimDue(10, T0.plusSeconds(361), T0.plusSeconds(700))).hasSize(5);  // lost claims come back

        Observation ok = PeerScoringTest.ok("/ip4/203.0.113.1/tcp/8333");
        PeerRecord scored = store.record(ok, T0.plusSeconds(400)).orElseThrow();
        assertThat(scored.good()).isTrue();
        PeerRecord read = store.find("/ip4/203.0.113.1/tcp/8333").orElseThrow();
        assertThat(read).isEqualTo(scored);
        assertThat(store.good(10, T0.plusSeconds(400))).containsExactly(new GoodPeer("/ip4/203.0.113.1/tcp/8333", "12D3KooWpeer"));
        assertThat(store.record(PeerScoringTest.ok("/ip4/198.51.100.1/tcp/8333"), T0)).isEmpty();

        // misbehaviour bans: gone from the good list and from claims until the ban ends
        store.record(Observation.misbehaved("/ip4/203.0.113.1/tcp/8333", Optional.of("12D3KooWpeer"), "wrong genesis"),
                T0.plusSeconds(500));
        assertThat(store.good(10, T0.plusSeconds(500))).isEmpty();
        assertThat(store.claimDue(10, T0.plusSeconds(3000), T0.plusSeconds(3000)))
                .extracting(PeerRecord::address).doesNotContain("/ip4/203.0.113.1/tcp/8333");

        // addresses that never answered are forgotten after forget-after-failures visits
        Instant now = T0.plusSeconds(4000);
        for (int i = 0; i < 3; i++) {
            store.record(PeerScoringTest.fail("/ip4/203.0.113.2/tcp/8333"), now.plus(Duration.ofDays(i)));
        }
        assertThat(store.prune(now.plus(Duration.ofDays(3)))).isEqualTo(1);
        assertThat(store.find("/ip4/203.0.113.2/tcp/8333")).isEmpty();
        assertThat(store.find("/ip4/203.0.113.1/tcp/8333")).isPresent();
    }
}
