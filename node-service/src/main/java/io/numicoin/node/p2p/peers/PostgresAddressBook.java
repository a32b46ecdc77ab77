package io.numicoin.node.p2p.peers;

import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@link AddressBook} over the {@code peers} table. An address is stored in its text form,
 * with its {@code /p2p/<id>} once known; a ban of a peer with no known address is kept in a row
 * whose address is just {@code /p2p/<id>} (never dialled). Each call is one statement or a short
 * sequence of them; concurrent writers at worst over-count a failure.
 */
public final class PostgresAddressBook implements AddressBook {

    private static final String BAN_ONLY_PREFIX = "/p2p/";

    /**
     * @param maxEntries bound on rows (bans excepted) before the worst are evicted
     * @param backoffBase wait after the first failure; doubles with each further failure
     * @param backoffMax longest wait between attempts of a failing address
     */
    public record Settings(int maxEntries, Duration backoffBase, Duration backoffMax) {
        public static Settings defaults() {
            return new Settings(4096, Duration.ofSeconds(30), Duration.ofHours(6));
        }
    }

    private final JdbcClient jdbc;
    private final Settings settings;

    public PostgresAddressBook(JdbcClient jdbc, Settings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public void add(Multiaddr address, String source, Instant now) {
        int inserted = jdbc.sql("""
                        INSERT INTO peers (address, peer_id, source, first_seen) VALUES (?, ?, ?, ?)
                        ON CONFLICT (address) DO NOTHING
                        """)
                .params(address.toString(), address.peerId().map(PeerId::toBase58).orElse(null), source, time(now))
                .update();
        if (inserted > 0) {
            evictBeyondLimit(now);
        }
    }

    @Override
    public void recordSuccess(Multiaddr address, PeerId peer, String agent, Instant now) {
        Multiaddr full = address.withPeerId(peer);
        jdbc.sql("""
                        INSERT INTO peers (address, peer_id, agent, source, first_seen, last_seen, last_success, last_attempt, successes)
                        VALUES (:address, :peer, :agent, 'dial', :now, :now, :now, :now, 1)
                        ON CONFLICT (address) DO UPDATE SET peer_id = :peer, agent = :agent, last_seen = :now,
                            last_success = :now, last_attempt = :now, failures = 0, successes = peers.successes + 1
                        """)
                .param("address", full.toString()).param("peer", peer.toBase58()).param("agent", agent)
                .param("now", time(now))
                .update();
        if (!full.equals(address)) {
            jdbc.sql("DELETE FROM peers WHERE address = ? AND banned_until IS NULL").param(address.toString()).update();
        }
        evictBeyondLimit(now);
    }

    @Override
    public void recordFailure(Multiaddr address, Instant now) {
        jdbc.sql("""
                        INSERT INTO peers (address, peer_id, source, first_seen, last_attempt, failures)
                        VALUES (:address, :peer, 'dial', :now, :now, 1)
                        ON CONFLICT (address) DO UPDATE SET last_attempt = :now, failures = peers.failures + 1
                        """)
                .param("address", address.toString())
                .param("peer", address.peerId().map(PeerId::toBase58).orElse(null))
                .param("now", time(now))
                .update();
    }

    @Override
    public boolean recordHeight(PeerId peer, long height) {
        return jdbc.sql("UPDATE peers SET height = ? WHERE peer_id = ?").params(height, peer.toBase58()).update() > 0;
    }

    @Override
    public List<Multiaddr> selectForDial(int limit, Instant now, Collection<PeerId> exclude) {
        Set<String> excluded = new HashSet<>();
        exclude.forEach(p -> excluded.add(p.toBase58()));
        List<String[]> rows = jdbc.sql("""
                        SELECT address, peer_id FROM peers p
                        WHERE address NOT LIKE '/p2p/%'
                          AND (banned_until IS NULL OR banned_until <= :now)
                          AND (peer_id IS NULL OR NOT EXISTS
                                (SELECT 1 FROM peers b WHERE b.peer_id = p.peer_id AND b.banned_until > :now))
                          AND (failures = 0 OR last_attempt IS NULL OR last_attempt
                                + make_interval(secs => LEAST(:max, :base * power(2, LEAST(failures - 1, 40)))) <= :now)
                        ORDER BY last_success DESC NULLS LAST, failures, first_seen, address
                        LIMIT :limit
                        """)
                .param("now", time(now))
                .param("base", (double) settings.backoffBase().toMillis() / 1000)
                .param("max", (double) settings.backoffMax().toMillis() / 1000)
                .param("limit", limit + excluded.size())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        return rows.stream()
                .filter(r -> r[1] == null || !excluded.contains(r[1]))
                .limit(limit)
                .map(r -> Multiaddr.parse(r[0]))
                .toList();
    }

    @Override
    public List<Multiaddr> good(int limit, Instant now, Duration maxAge) {
        return jdbc.sql("""
                        SELECT address FROM peers p
                        WHERE address NOT LIKE '/p2p/%' AND peer_id IS NOT NULL AND last_success >= ?
                          AND NOT EXISTS (SELECT 1 FROM peers b WHERE b.peer_id = p.peer_id AND b.banned_until > ?)
                        ORDER BY last_success DESC, address
                        LIMIT ?
                        """)
                .params(time(now.minus(maxAge)), time(now), limit)
                .query((rs, n) -> Multiaddr.parse(rs.getString(1)))
                .list();
    }

    @Override
    public Optional<Multiaddr> addressOf(PeerId peer) {
        return jdbc.sql("""
                        SELECT address FROM peers WHERE peer_id = ? AND address NOT LIKE '/p2p/%'
                        ORDER BY last_success DESC NULLS LAST, failures, address LIMIT 1
                        """)
                .param(peer.toBase58())
                .query((rs, n) -> Multiaddr.parse(rs.getString(1)))
                .optional();
    }

    @Override
    public Optional<PeerEntry> entry(Multiaddr address) {
        return jdbc.sql("SELECT * FROM peers WHERE address = ?").param(address.toString())
                .query((rs, n) -> entry(rs)).optional();
    }

    @Override
    public void ban(PeerId peer, Instant until, String reason) {
        jdbc.sql("UPDATE peers SET banned_until = ?, ban_reason = ? WHERE peer_id = ?")
                .params(time(until), reason, peer.toBase58()).update();
        jdbc.sql("""
                        INSERT INTO peers (address, peer_id, source, banned_until, ban_reason) VALUES (?, ?, 'ban', ?, ?)
                        ON CONFLICT (address) DO UPDATE SET banned_until = EXCLUDED.banned_until, ban_reason = EXCLUDED.ban_reason
                        """)
                .params(BAN_ONLY_PREFIX + peer.toBase58(), peer.toBase58(), time(until), reason).update();
    }

    @Override
    public void unban(PeerId peer) {
        jdbc.sql("UPDATE peers SET banned_until = NULL, ban_reason = NULL WHERE peer_id = ?").param(peer.toBase58()).update();
    }

    @Override
    public Map<PeerId, Ban> activeBans(Instant now) {
        Map<PeerId, Ban> bans = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (peer_id) peer_id, banned_until, ban_reason FROM peers
                        WHERE peer_id IS NOT NULL AND banned_until > ? ORDER BY peer_id, banned_until DESC
                        """)
                .param(time(now))
                .query((rs, n) -> new Ban(PeerId.fromBase58(rs.getString(1)),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), String.valueOf(rs.getString(3))))
                .list()
                .forEach(b -> bans.put(b.peer(), b));
        return bans;
    }

    @Override
    public int size() {
        return jdbc.sql("SELECT count(*) FROM peers").query(Integer.class).single();
    }

    /** Deletes the worst rows past {@link Settings#maxEntries}: never succeeded first, then most failures, then oldest. */
    private void evictBeyondLimit(Instant now) {
        int excess = size() - settings.maxEntries();
        if (excess <= 0) {
            return;
        }
        jdbc.sql("""
                        DELETE FROM peers WHERE address IN (
                            SELECT address FROM peers WHERE banned_until IS NULL OR banned_until <= ?
                            ORDER BY (last_success IS NOT NULL), failures DESC, COALESCE(last_success, first_seen), address
                            LIMIT ?)
                        """)
                .params(time(now), excess)
                .update();
    }

    private static PeerEntry entry(ResultSet rs) throws SQLException {
        return new PeerEntry(rs.getString("address"),
                Optional.ofNullable(rs.getString("peer_id")),
                Optional.ofNullable(rs.getString("agent")),
                rs.getString("source"),
                rs.getObject("first_seen", OffsetDateTime.class).toInstant(),
                instant(rs, "last_seen"), instant(rs, "last_success"), instant(rs, "last_attempt"),
                rs.getInt("successes"), rs.getInt("failures"), rs.getLong("height"),
                instant(rs, "banned_until"), Optional.ofNullable(rs.getString("ban_reason")));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
