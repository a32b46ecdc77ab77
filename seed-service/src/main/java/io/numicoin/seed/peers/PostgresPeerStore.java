package io.numicoin.seed.peers;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PeerStore} in the {@code seed} schema (Flyway, {@code db/seed}). One row per address;
 * scoring reads the row {@code FOR UPDATE} and writes it back in one transaction, so a crawl result
 * and an event about the same address never lose each other's update. At most {@code maxPeers} rows.
 */
public final class PostgresPeerStore implements PeerStore {

    private static final String COLUMNS = "address, peer_id, agent, height, protocols, latency_ms, source, first_seen, last_try,"
            + " last_success, attempts, successes, stats, consecutive_failures, ban_count, banned_until, ban_reason, next_try, good";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PeerScoring scoring;
    private final int maxPeers;
    private final int forgetAfterFailures;

    public PostgresPeerStore(JdbcTemplate jdbc, TransactionTemplate tx, PeerScoring scoring, int maxPeers, int forgetAfterFailures) {
        if (maxPeers < 1 || forgetAfterFailures < 1) {
            throw new IllegalArgumentException("maxPeers and forgetAfterFailures must be positive");
        }
        this.jdbc = jdbc;
        this.tx = tx;
        this.scoring = scoring;
        this.maxPeers = maxPeers;
        this.forgetAfterFailures = forgetAfterFailures;
    }

    @Override
    public boolean learn(TcpAddress address, String source, Instant now) {
        // The bound is checked by the insert itself, so concurrent learners cannot overshoot by more than their number.
        int inserted = jdbc.update("""
                INSERT INTO seed.peers (address, peer_id, source, first_seen, stats, next_try)
                SELECT ?, ?, ?, ?, ?::float8[], ? WHERE (SELECT count(*) FROM seed.peers) < ?
                ON CONFLICT (address) DO NOTHING""",
                address.address(), address.peerId().orElse(null), source, ts(now), statsText(Reliability.NONE), ts(now), maxPeers);
        return inserted == 1;
    }

    @Override
    public List<PeerRecord> claimDue(int limit, Instant now, Instant claimUntil) {
        return jdbc.query("""
                WITH due AS (
                    SELECT address FROM seed.peers
                    WHERE next_try <= ? AND (banned_until IS NULL OR banned_until <= ?)
                    ORDER BY next_try LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE seed.peers p SET next_try = ? FROM due WHERE p.address = due.address
                RETURNING\s""" + prefixed(), ROW, ts(now), ts(now), limit, ts(claimUntil));
    }

    @Override
    public Optional<PeerRecord> record(Observation seen, Instant now) {
        return tx.execute(status -> {
            List<PeerRecord> rows = jdbc.query("SELECT " + COLUMNS + " FROM seed.peers WHERE address = ? FOR UPDATE", ROW,
                    seen.address());
            if (rows.isEmpty()) {
                return Optional.<PeerRecord>empty();
            }
            PeerRecord after = scoring.apply(rows.getFirst(), seen, now);
            jdbc.update("""
                    UPDATE seed.peers SET peer_id = ?, agent = ?, height = ?, protocols = ?, latency_ms = ?, last_try = ?,
                        last_success = ?, attempts = ?, successes = ?, stats = ?::float8[], consecutive_failures = ?, ban_count = ?,
                        banned_until = ?, ban_reason = ?, next_try = ?, good = ?
                    WHERE address = ?""",
                    after.peerId().orElse(null), after.agent(), after.height(), textArray(after.protocols()),
                    after.latencyMillis(), ts(after.lastTry()), ts(after.lastSuccess()), after.reliability().attempts(),
                    after.reliability().successes(), statsText(after.reliability()), after.consecutiveFailures(),
                    after.banCount(), ts(after.bannedUntil()), after.banReason(), ts(after.nextTry()), after.good(),
                    after.address());
            return Optional.of(after);
        });
    }

    @Override
    public Optional<PeerRecord> find(String address) {
        return jdbc.query("SELECT " + COLUMNS + " FROM seed.peers WHERE address = ?", ROW, address).stream().findFirst();
    }

    @Override
    public List<GoodPeer> good(int limit, Instant now) {
        return jdbc.query("""
                SELECT address, peer_id FROM seed.peers
                WHERE good AND peer_id IS NOT NULL AND (banned_until IS NULL OR banned_until <= ?)
                ORDER BY last_success DESC LIMIT ?""",
                (rs, i) -> new GoodPeer(rs.getString(1), rs.getString(2)), ts(now), limit);
    }

    @Override
    public int prune(Instant now) {
        int forgotten = jdbc.update("""
                DELETE FROM seed.peers WHERE last_success IS NULL AND consecutive_failures >= ?
                    AND (banned_until IS NULL OR banned_until <= ?)""", forgetAfterFailures, ts(now));
        int excess = jdbc.update("""
                DELETE FROM seed.peers WHERE address IN (
                    SELECT address FROM seed.peers WHERE NOT good
                    ORDER BY last_success NULLS FIRST, consecutive_failures DESC, first_seen
                    LIMIT GREATEST(0, (SELECT count(*) FROM seed.peers) - ?))""", maxPeers);
        return forgotten + excess;
    }

    @Override
    public long size() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM seed.peers", Long.class);
        return n == null ? 0 : n;
    }

    private static String prefixed() {
        return Arrays.stream(COLUMNS.split(",\\s*")).map(c -> "p." + c).reduce((a, b) -> a + ", " + b).orElseThrow();
    }

    private static final RowMapper<PeerRecord> ROW = (rs, i) -> new PeerRecord(
            rs.getString("address"),
            Optional.ofNullable(rs.getString("peer_id")),
            rs.getString("agent"),
            rs.getLong("height"),
            strings(rs.getArray("protocols")),
            rs.getInt("latency_ms"),
            rs.getString("source"),
            rs.getTimestamp("first_seen").toInstant(),
            instant(rs, "last_try"),
            instant(rs, "last_success"),
            reliability(rs),
            rs.getInt("consecutive_failures"),
            rs.getInt("ban_count"),
            instant(rs, "banned_until"),
            rs.getString("ban_reason"),
            rs.getTimestamp("next_try").toInstant(),
            rs.getBoolean("good"));

    private static Reliability reliability(ResultSet rs) throws SQLException {
        Object[] raw = (Object[]) rs.getArray("stats").getArray();
        double[] s = new double[15];
        for (int i = 0; i < s.length && i < raw.length; i++) {
            s[i] = ((Number) raw[i]).doubleValue();
        }
        return new Reliability(rs.getInt("attempts"), rs.getInt("successes"), window(s, 0), window(s, 1), window(s, 2),
                window(s, 3), window(s, 4));
    }

    private static ReliabilityWindow window(double[] s, int i) {
        return new ReliabilityWindow(s[3 * i], s[3 * i + 1], s[3 * i + 2]);
    }

    /** The 15 numbers (reliability, count, weight per window, shortest first) as a PostgreSQL array literal. */
    private static String statsText(Reliability r) {
        StringBuilder sb = new StringBuilder("{");
        for (ReliabilityWindow w : r.windows()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(w.reliability()).append(',').append(w.count()).append(',').append(w.weight());
        }
        return sb.append('}').toString();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private String[] textArray(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Timestamp ts(Optional<Instant> instant) {
        return instant.map(Timestamp::from).orElse(null);
    }
}
