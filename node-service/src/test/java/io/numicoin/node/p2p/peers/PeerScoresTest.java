package io.numicoin.node.p2p.peers;

import static io.numicoin.node.p2p.peers.PostgresAddressBookIT.peer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.numicoin.node.p2p.hooks.PeerPenalty.Reason;
import io.numicoin.node.p2p.hooks.PeerPenalty.Severity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.support.limit.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Scores, decay, bans and rate limits over an in-memory ban store (the PostgreSQL one is in PostgresAddressBookIT). */
class PeerScoresTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Time the test moves by hand. */
    static final class TestClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Only the ban part of an address book, in memory. */
    static final class BansOnly implements AddressBook {
        final Map<PeerId, Ban> stored = new HashMap<>();

        public void add(Multiaddr address, String source, Instant now) { }
        public void recordSuccess(Multiaddr address, PeerId peer, String agent, Instant now) { }
        public void recordFailure(Multiaddr address, Instant now) { }
        public boolean recordHeight(PeerId peer, long height) { return false; }
        public List<Multiaddr> selectForDial(int limit, Instant now, Collection<PeerId> exclude) { return List.of(); }
        public List<Multiaddr> good(int limit, Instant now, Duration maxAge) { return List.of(); }
        public Optional<Multiaddr> addressOf(PeerId peer) { return Optional.empty(); }
        public Optional<PeerEntry> entry(Multiaddr address) { return Optional.empty(); }
        public void ban(PeerId peer, Instant until, String reason) { stored.put(peer, new Ban(peer, until, reason)); }
        public void unban(PeerId peer) { stored.remove(peer); }
        public Map<PeerId, Ban> activeBans(Instant now) { return Map.copyOf(stored); }
        public int size() { return stored.size(); }
    }

    private final TestClock clock = new TestClock();
    private final BansOnly book = new BansOnly();
    private final BanList bans = new BanList(book, clock);
    private final List<PeerId> disconnected = new ArrayList<>();
    private final PeerScores scores = new PeerScores(bans, PeerScores.Settings.defaults(), clock, disconnected::add);

    @Test
    void fatalAndProvablyInvalidBanAtOnce() {
        scores.penalise(peer(1), Reason.STALLED, Severity.FATAL, "x");
        scores.penalise(peer(2), Reason.MALFORMED_MESSAGE, Severity.MINOR, "bad frame");
        scores.penalise(peer(3), Reason.WRONG_GENESIS, Severity.MAJOR, "testnet");
        assertThat(disconnected).containsExactly(peer(1), peer(2), peer(3));
        assertThat(book.stored.get(peer(2)).until()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(bans.isBanned(peer(3))).isTrue();
    }

    @Test
    void invalidBodiesBehindValidHeadersAreNeverScored() {
        for (int i = 0; i < 50; i++) {
            scores.penalise(peer(1), Reason.INVALID_BODY, Severity.MINOR, "a relayed block with an overpaying coinbase");
        }
        assertThat(scores.score(peer(1))).isZero();
        assertThat(bans.isBanned(peer(1))).isFalse();
        assertThat(disconnected).isEmpty();
    }

    @Test
    void minorOffencesAddUpAndDecay() {
        for (int i = 0; i < 9; i++) {
            scores.penalise(peer(1), Reason.STALLED, Severity.MINOR, "slow");
        }
        assertThat(scores.score(peer(1))).isCloseTo(90, within(1e-9));
        clock.now = clock.now.plus(Duration.ofMinutes(10));   // one half-life
        assertThat(scores.score(peer(1))).isCloseTo(45, within(1e-9));
        scores.penalise(peer(1), Reason.STALLED, Severity.MAJOR, "x");
        assertThat(scores.score(peer(1))).isCloseTo(95, within(1e-9));
        assertThat(bans.isBanned(peer(1))).isFalse();
        scores.penalise(peer(1), Reason.STALLED, Severity.MINOR, "x");
        assertThat(bans.isBanned(peer(1))).isTrue();
        assertThat(bans.banOf(peer(1)).orElseThrow().reason()).isEqualTo("score 105 after STALLED");
        assertThat(disconnected).containsExactly(peer(1));

        clock.now = clock.now.plus(Duration.ofHours(24));
        assertThat(bans.isBanned(peer(1))).isFalse();
    }

    @Test
    void aLongerBanIsNeverShortened() {
        bans.ban(peer(1), Duration.ofDays(7), "manual");
        scores.penalise(peer(1), Reason.INVALID_HEADER, Severity.FATAL, "x");
        assertThat(bans.banOf(peer(1)).orElseThrow().until()).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(bans.banOf(peer(1)).orElseThrow().reason()).isEqualTo("manual");
    }

    @Test
    void tokenBucketsLimitEachPeerAndProtocolAndFloodingLeadsToABan() {
        AtomicLong nanos = new AtomicLong();
        RateLimits limits = new RateLimits(Map.of("/numi/regtest/headers/1", new RateLimits.Limit(3, 2)), scores, 10, nanos::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryAcquire(peer(1), "/numi/regtest/headers/1")).isTrue();
        }
        assertThat(limits.tryAcquire(peer(1), "/numi/regtest/headers/1")).isFalse();
        assertThat(scores.score(peer(1))).isEqualTo(10);
        assertThat(limits.tryAcquire(peer(2), "/numi/regtest/headers/1")).isTrue();   // its own bucket
        assertThat(limits.tryAcquire(peer(1), "/other")).isTrue();                     // unlimited
        nanos.addAndGet(500_000_000L);                                                // 0.5 s at 2/s: one token
        assertThat(limits.tryAcquire(peer(1), "/numi/regtest/headers/1")).isTrue();
        assertThat(limits.tryAcquire(peer(1), "/numi/regtest/headers/1")).isFalse();
        for (int i = 0; i < 8; i++) {
            limits.tryAcquire(peer(1), "/numi/regtest/headers/1");
        }
        assertThat(bans.isBanned(peer(1))).isTrue();
    }

    @Test
    void bucketRefillsToCapacityOnly() {
        TokenBucket bucket = new TokenBucket(5, 1, 0);
        assertThat(bucket.tryTake(5, 0)).isTrue();
        assertThat(bucket.available(0)).isZero();
        assertThat(bucket.available(2_000_000_000L)).isEqualTo(2.0);
        assertThat(bucket.available(60_000_000_000L)).isEqualTo(5.0);
        assertThat(bucket.tryTake(6, 60_000_000_000L)).isFalse();
    }
}
