package io.numicoin.node.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Read-only view of the address book the p2p layer keeps in {@code peers}. */
public final class PeerQueries {

    private final JdbcClient jdbc;

    public PeerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} peers, most recently successful first (the {@code peers_last_success} index). */
    public List<PeerRecord> peers(int limit) {
        return jdbc.sql("""
                        SELECT address, peer_id, agent, last_seen, last_success, failures, banned_until, ban_reason
                        FROM peers ORDER BY last_success DESC NULLS LAST, address LIMIT ?
                        """)
                .param(limit)
                .query((rs, n) -> peer(rs))
                .list();
    }

    private static PeerRecord peer(ResultSet rs) throws SQLException {
        return new PeerRecord(
                rs.getString("address"),
                Optional.ofNullable(rs.getString("peer_id")),
                Optional.ofNullable(rs.getString("agent")),
                instant(rs.getTimestamp("last_seen")),
                instant(rs.getTimestamp("last_success")),
                rs.getInt("failures"),
                instant(rs.getTimestamp("banned_until")),
                Optional.ofNullable(rs.getString("ban_reason")));
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return timestamp == null ? Optional.empty() : Optional.of(timestamp.toInstant());
    }
}
