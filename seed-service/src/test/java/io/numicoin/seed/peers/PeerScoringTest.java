package io.numicoin.seed.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The good/ban/ignore rules and the retry intervals over histories of visits. */
class PeerScoringTest {

    static final String STATUS = "/numi/regtest/status/1";
    static final ScoringSettings SETTINGS = new ScoringSettings(STATUS, 0, false, Duration.ofMinutes(15),
            Duration.ofSeconds(1000), Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(30));
    static final String ADDRESS = "/ip4/203.0.113.7/tcp/8333";
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    final PeerScoring scoring = new PeerScoring(SETTINGS);

    static Observation ok(String address) {
        return new Observation(address, Optional.of("12D3KooWpeer"), "numicoin/0.1.0", 12, List.of(STATUS, "/ipfs/id/1.0.0"), 40,
                Outcome.SUCCESS, "");
    }

    static Observation fail(String address) {
        return Observation.failure(address, Optional.empty(), "connection refused");
    }

    @Test
    void aNewPeerThatAnswersIsGoodAtOnceAndVisitedAgainAfterTheGoodInterval() {
        PeerRecord peer = scoring.apply(PeerRecord.learnt(ADDRESS, Optional.empty(), "config", T0), ok(ADDRESS), T0);
        assertThat(peer.good()).isTrue();
        assertThat(peer.peerId()).contains("12D3KooWpeer");
        assertThat(peer.height()).isEqualTo(12);
        assertThat(peer.nextTry()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void notGoodWithoutTheNetworksStatusProtocolOrOnAPrivateAddress() {
        Observation foreign = new Observation(ADDRESS, Optional.of("12D3KooWpeer"), "other", 5, List.of("/numi/mainnet/status/1"),
                10, Outcome.SUCCESS, "");
        assertThat(scoring.apply(PeerRecord.learnt(ADDRESS, Optional.empty(), "config", T0), foreign, T0).good()).isFalse();
        String lan = "/ip4/192.168.1.4/tcp/8333";
        assertThat(scoring.apply(PeerRecord.learnt(lan, Optional.empty(), "config", T0), ok(lan), T0).good()).isFalse();
        PeerScoring devnet = new PeerScoring(new ScoringSettings(STATUS, 0, true, Duration.ofMinutes(15),
                Duration.ofSeconds(1000), Duration.ofDays(1), Duration.ofHours(1), Duration.ofDays(30)));
        assertThat(devnet.apply(PeerRecord.learnt(lan, Optional.empty(), "config", T0), ok(lan), T0).good()).isTrue();
    }

    @Test
    void aGoodPeerThatStopsAnsweringTurnsBadThenIsBannedForADay() {
        PeerRecord peer = PeerRecord.learnt(ADDRESS, Optional.empty(), "config", T0);
        Instant now = T0;
        for (int i = 0; i < 3 * 96; i++) {  // three days, every 15 minutes
            peer = scoring.apply(peer, ok(ADDRESS), now);
            now = now.plus(Duration.ofMinutes(15));
        }
        assertThat(peer.good()).isTrue();
        int visits = 0;
        while (peer.good()) {
            peer = scoring.apply(peer, fail(ADDRESS), now);
            now = now.plus(Duration.ofMinutes(15));
            visits++;
        }
        assertThat(visits).as("three good days survive hours of failures").isGreaterThan(8);
        // keep failing: the retry interval doubles, then the 1-day window drops under 0.05 and the peer is banned
        Instant lastNext = peer.nextTry();
        for (int i = 0; i < 200 && peer.bannedUntil().isEmpty(); i++) {
            now = peer.nextTry();
            peer = scoring.apply(peer, fail(ADDRESS), now);
            assertThat(peer.nextTry()).isAfter(lastNext);
            lastNext = peer.nextTry();
        }
        assertThat(peer.bannedUntil()).isPresent();
        assertThat(peer.banReason()).isEqualTo("unreliable");
        assertThat(Duration.between(now, peer.bannedUntil().get())).isGreaterThanOrEqualTo(Duration.ofDays(1));
        assertThat(peer.good()).isFalse();
    }

    @Test
    void failuresBackOffDoublingUpToTheMaximum() {
        PeerRecord peer = PeerRecord.learnt(ADDRESS, Optional.empty(), "config", T0);
        peer = scoring.apply(peer, fail(ADDRESS), T0);
        assertThat(peer.nextTry()).isEqualTo(T0.plusSeconds(1000));
        peer = scoring.apply(peer, fail(ADDRESS), peer.nextTry());
        assertThat(Duration.between(peer.lastTry().orElseThrow(), peer.nextTry())).isGreaterThanOrEqualTo(Duration.ofSeconds(2000));
        for (int i = 0; i < 12; i++) {
            peer = scoring.apply(peer, fail(ADDRESS), peer.nextTry());
        }
        assertThat(peer.bannedUntil().isPresent()
                || Duration.between(peer.lastTry().orElseThrow(), peer.nextTry()).compareTo(Duration.ofDays(10)) <= 0).isTrue();
    }

    @Test
    void misbehaviourBansAtOnceForLongerEachTime() {
        PeerRecord peer = PeerRecord.learnt(ADDRESS, Optional.empty(), "config", T0);
        Observation lie = Observation.misbehaved(ADDRESS, Optional.of("12D3KooWpeer"), "wrong genesis");
        peer = scoring.apply(peer, lie, T0);
        assertThat(peer.bannedUntil()).contains(T0.plus(Duration.ofHours(1)));
        assertThat(peer.banReason()).isEqualTo("wrong genesis");
        Instant later = peer.bannedUntil().get();
        peer = scoring.apply(peer, lie, later);
        assertThat(peer.bannedUntil()).contains(later.plus(Duration.ofHours(2)));
        for (int i = 0; i < 20; i++) {
            peer = scoring.apply(peer, lie, peer.bannedUntil().get());
        }
        assertThat(Duration.between(peer.lastTry().orElseThrow(), peer.bannedUntil().get())).isEqualTo(Duration.ofDays(30));
        assertThat(peer.banCount()).isEqualTo(22);
    }

    @Test
    void windowsDecayTowardsRecentResults() {
        ReliabilityWindow w = ReliabilityWindow.EMPTY;
        for (int i = 0; i < 50; i++) {
            w = w.update(true, 900, Reliability.H2);
        }
        assertThat(w.reliability()).isGreaterThan(0.99);
        ReliabilityWindow afterOneFailure = w.update(false, 900, Reliability.H2);
        assertThat(afterOneFailure.reliability()).isLessThan(w.reliability()).isGreaterThan(0.85);
        ReliabilityWindow longAgo = w.update(false, 30 * 86_400L, Reliability.H2);
        assertThat(longAgo.reliability()).as("a month later the old successes are forgotten").isLessThan(0.01);
        assertThat(longAgo.count()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void observationsKeepOnlyPrintableBoundedText() {
        Observation o = new Observation(ADDRESS, Optional.empty(), "a\u0000b\u00e9" + "x".repeat(1000), 0, List.of(), -1,
                Outcome.FAILURE, "");
        assertThat(o.agent()).startsWith("a?b?").hasSize(Observation.MAX_TEXT);
    }

    @Test
    void onlyIpTcpAddressesAreKept() {
        assertThat(TcpAddress.parse("/ip4/203.0.113.7/tcp/8333")).map(TcpAddress::address).contains("/ip4/203.0.113.7/tcp/8333");
        assertThat(TcpAddress.parse("/ip6/2001:db8::1/tcp/8333")).isPresent();
        assertThat(TcpAddress.parse("/dns4/example.org/tcp/8333")).isEmpty();
        assertThat(TcpAddress.parse("/ip4/0.0.0.0/tcp/8333")).isEmpty();
        assertThat(TcpAddress.parse("/ip4/203.0.113.7/tcp/0")).isEmpty();
        assertThat(TcpAddress.parse("/ip4/203.0.113.7/udp/8333")).isEmpty();
        assertThat(TcpAddress.parse("garbage")).isEmpty();
        assertThat(TcpAddress.parse(null)).isEmpty();
    }
}
