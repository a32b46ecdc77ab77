package io.numicoin.node.p2p.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.node.NodeDatabase;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The address book on a real, migrated PostgreSQL: selection order, backoff, bounds, bans across a restart. */
class PostgresAddressBookIT {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private NodeDatabase db;

    @BeforeEach
    void database() {
        db = NodeDatabase.create("peers");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private PostgresAddressBook book(int maxEntries) {
        return new PostgresAddressBook(JdbcClient.create(db.dataSource()),
                new PostgresAddressBook.Settings(maxEntries, Duration.ofSeconds(30), Duration.ofHours(1)));
    }

    static PeerId peer(int n) {
        byte[] key = new byte[32];
        key[0] = (byte) n;
        key[31] = 7;
        return PeerId.fromEd25519PublicKey(key);
    }

    static Multiaddr addr(String ip, PeerId peer) {
        return Multiaddr.parse("/ip4/" + ip + "/tcp/8333").withPeerId(peer);
    }

    @Test
    void recentSuccessesFirstThenUntriedThenFailuresInBackoffSkipped() {
        PostgresAddressBook book = book(100);
        Multiaddr untried = addr("10.0.0.1", peer(1));
        Multiaddr older = addr("10.1.0.1", peer(2));
        Multiaddr recent = addr("10.2.0.1", peer(3));
        Multiaddr failing = addr("10.3.0.1", peer(4));
        for (Multiaddr a : List.of(untried, older, recent, failing)) {
            book.add(a, "test", T0);
        }
        book.recordSuccess(older, peer(2), "numicoin/0.1", T0.plusSeconds(10));
        book.recordSuccess(recent, peer(3), "numicoin/0.1", T0.plusSeconds(20));
        book.recordFailure(failing, T0.plusSeconds(20));

        assertThat(book.selectForDial(10, T0.plusSeconds(21), Set.of())).containsExactly(recent, older, untried);
        // backoff 30 s after one failure, so at +50 s it is back, after the untried one
        assertThat(book.selectForDial(10, T0.plusSeconds(50), Set.of())).containsExactly(recent, older, untried, failing);
        assertThat(book.selectForDial(10, T0.plusSeconds(50), Set.of(peer(3)))).containsExactly(older, untried, failing);
        assertThat(book.selectForDial(2, T0.plusSeconds(50), Set.of())).containsExactly(recent, older);

        PeerEntry entry = book.entry(recent).orElseThrow();
        assertThat(entry.successes()).isEqualTo(1);
        assertThat(entry.agent()).contains("numicoin/0.1");
        assertThat(entry.lastSuccess()).contains(T0.plusSeconds(20));
    }

    @Test
    void aReportedHeightIsWrittenToEveryRowOfThePeerAndRefusedForAnUnknownPeer() {
        PostgresAddressBook book = book(100);
        Multiaddr first = addr("10.0.0.1", peer(1));
        Multiaddr second = addr("10.9.0.1", peer(1));
        book.add(first, "test", T0);
        book.add(second, "test", T0);

        assertThat(book.recordHeight(peer(2), 5)).isFalse();
        assertThat(book.recordHeight(peer(1), 1_234)).isTrue();
        assertThat(book.entry(first).orElseThrow().height()).isEqualTo(1_234);
        assertThat(book.entry(second).orElseThrow().height()).isEqualTo(1_234);
        book.recordHeight(peer(1), 1_300);
        assertThat(book.entry(first).orElseThrow().height()).isEqualTo(1_300);
    }

    @Test
    void backoffDoublesWithEachFailureUpToTheMaximum() {
        PostgresAddressBook book = book(100);
        Multiaddr a = addr("10.0.0.1", peer(1));
        Instant t = T0;
        for (int i = 0; i < 3; i++) {
            book.recordFailure(a, t);
        }
        // three failures: 30 s × 2² = 120 s
        assertThat(book.selectForDial(5, t.plusSeconds(119), Set.of())).isEmpty();
        assertThat(book.selectForDial(5, t.plusSeconds(120), Set.of())).containsExactly(a);
        for (int i = 0; i < 20; i++) {
            book.recordFailure(a, t);
        }
        assertThat(book.selectForDial(5, t.plus(Duration.ofHours(1)).minusSeconds(1), Set.of())).isEmpty();
        assertThat(book.selectForDial(5, t.plus(Duration.ofHours(1)), Set.of())).containsExactly(a);
        book.recordSuccess(a, peer(1), "x", t);
        assertThat(book.entry(a).orElseThrow().failures()).isZero();
    }

    @Test
    void aBareAddressIsReplacedByItsPeerAddressOnSuccess() {
        PostgresAddressBook book = book(100);
        Multiaddr bare = Multiaddr.parse("/ip4/10.0.0.9/tcp/8333");
        book.add(bare, "dns", T0);
        book.recordSuccess(bare, peer(9), "agent", T0.plusSeconds(1));
        assertThat(book.entry(bare)).isEmpty();
        assertThat(book.addressOf(peer(9))).contains(bare.withPeerId(peer(9)));
        assertThat(book.good(10, T0.plusSeconds(2), Duration.ofHours(1))).containsExactly(bare.withPeerId(peer(9)));
        assertThat(book.good(10, T0.plus(Duration.ofHours(2)), Duration.ofHours(1))).isEmpty();
    }

    @Test
    void theWorstEntriesAreEvictedBeyondTheBound() {
        PostgresAddressBook book = book(3);
        Multiaddr good = addr("10.0.0.1", peer(1));
        Multiaddr failedOnce = addr("10.1.0.1", peer(2));
        Multiaddr failedTwice = addr("10.2.0.1", peer(3));
        book.recordSuccess(good, peer(1), "a", T0);
        book.recordFailure(failedOnce, T0);
        book.recordFailure(failedTwice, T0);
        book.recordFailure(failedTwice, T0);
        assertThat(book.size()).isEqualTo(3);

        Multiaddr fresh = addr("10.3.0.1", peer(4));
        book.add(fresh, "px", T0.plusSeconds(1));
        assertThat(book.size()).isEqualTo(3);
        assertThat(book.entry(failedTwice)).isEmpty();
        assertThat(book.entry(good)).isPresent();
        assertThat(book.entry(failedOnce)).isPresent();
        assertThat(book.entry(fresh)).isPresent();
    }

    @Test
    void bansSkipEveryAddressOfThePeerAndSurviveARestart() {
        PostgresAddressBook book = book(100);
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        Multiaddr a1 = addr("10.0.0.1", peer(1));
        Multiaddr a2 = addr("10.9.0.1", peer(1));
        Multiaddr other = addr("10.1.0.1", peer(2));
        book.recordSuccess(a1, peer(1), "a", T0);
        book.recordSuccess(a2, peer(1), "a", T0);
        book.add(other, "test", T0);

        BanList bans = new BanList(book, clock);
        bans.ban(peer(1), Duration.ofHours(24), "INVALID_BLOCK: bad merkle root");
        bans.ban(peer(5), Duration.ofHours(1), "score 100 after spam");  // never seen before: kept by id
        assertThat(book.selectForDial(10, T0, Set.of())).containsExactly(other);
        assertThat(book.good(10, T0, Duration.ofDays(1))).isEmpty();

        // a restart: new objects over the same database
        PostgresAddressBook reopened = book(100);
        BanList reloaded = new BanList(reopened, clock);
        assertThat(reloaded.load()).isEqualTo(2);
        assertThat(reloaded.banOf(peer(1)).orElseThrow().reason()).isEqualTo("INVALID_BLOCK: bad merkle root");
        assertThat(reloaded.banOf(peer(1)).orElseThrow().until()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(reloaded.isBanned(peer(5))).isTrue();
        assertThat(reloaded.isBanned(peer(2))).isFalse();

        BanList later = new BanList(reopened, Clock.fixed(T0.plus(Duration.ofHours(2)), ZoneOffset.UTC));
        assertThat(later.load()).isEqualTo(1);
        assertThat(later.isBanned(peer(5))).isFalse();
        reloaded.unban(peer(1));
        assertThat(reopened.selectForDial(10, T0, Set.of())).containsExactlyInAnyOrder(a1, a2, other);
    }

    @Test
    void scoresBanThroughTheBookAndTheBanOutlivesTheProcess() {
        PostgresAddressBook book = book(100);
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        BanList bans = new BanList(book, clock);
        List<PeerId> disconnected = new java.util.ArrayList<>();
        PeerScores scores = new PeerScores(bans, PeerScores.Settings.defaults(), clock, disconnected::add);
        scores.penalise(peer(3), io.numicoin.node.p2p.hooks.PeerPenalty.Reason.INVALID_HEADER,
                io.numicoin.node.p2p.hooks.PeerPenalty.Severity.MAJOR, "bad pow");
        assertThat(disconnected).containsExactly(peer(3));

        BanList reloaded = new BanList(book(100), clock);
        reloaded.load();
        assertThat(reloaded.banOf(peer(3)).orElseThrow().reason()).isEqualTo("INVALID_HEADER: bad pow");
    }
}
