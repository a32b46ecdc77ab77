package io.numicoin.node.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The relay's SQL over {@code outbox}: the oldest rows in seq order, deleting what Kafka acknowledged, and the lag. */
public final class OutboxTable {

    /** How far the relay is behind: rows waiting and the age of the oldest. */
    public record Lag(long rows, Optional<Instant> oldest) {
    }

    private final JdbcTemplate jdbc;

    public OutboxTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The oldest rows, in seq order: at most {@code maxRows}, and no more than {@code maxBytes} of
     * payload (but always at least one row, whatever its size).
     */
    public List<OutboxRow> oldest(int maxRows, long maxBytes) {
        List<long[]> sizes = jdbc.query("SELECT seq, octet_length(payload) FROM outbox ORDER BY seq LIMIT ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, maxRows);
        if (sizes.isEmpty()) {
            return List.of();
        }
        long last = sizes.getFirst()[0];
        long bytes = 0;
        for (long[] size : sizes) {
            bytes += size[1];
            if (bytes > maxBytes && size[0] != sizes.getFirst()[0]) {
                break;
            }
            last = size[0];
        }
        return jdbc.query("SELECT seq, topic, record_key, payload, created_at FROM outbox WHERE seq BETWEEN ? AND ? ORDER BY seq",
                (rs, n) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4),
                        rs.getTimestamp(5).toInstant()),
                sizes.getFirst()[0], last);
    }

    /** Deletes every row up to and including {@code seq} (Kafka acknowledged them). */
    public int deleteUpTo(long seq) {
        return jdbc.update("DELETE FROM outbox WHERE seq <= ?", seq);
    }

    /** Rows waiting (seq is gap-free, so max - min + 1 without a scan) and when the oldest was written. */
    public Lag lag() {
        return jdbc.queryForObject("""
                SELECT (SELECT max(seq) FROM outbox) - (SELECT min(seq) FROM outbox) + 1,
                       (SELECT created_at FROM outbox ORDER BY seq LIMIT 1)""",
                (rs, n) -> {
                    Long rows = rs.getObject(1, Long.class);
                    Timestamp oldest = rs.getTimestamp(2);
                    return new Lag(rows == null ? 0 : rows, Optional.ofNullable(oldest).map(Timestamp::toInstant));
                });
    }
}
