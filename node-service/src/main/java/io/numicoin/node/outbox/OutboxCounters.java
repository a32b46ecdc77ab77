package io.numicoin.node.outbox;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gap-free counters in {@code outbox_counter}: taking a number locks the counter's row until the
 * transaction ends, so numbers are handed out in commit order and a rollback gives its number back
 * (a PostgreSQL sequence would leave gaps). {@code outbox} orders the relay; each topic numbers
 * its own events' {@code EventMeta.sequence}.
 */
public final class OutboxCounters {

    /** The counter that orders every outbox row. */
    public static final String OUTBOX = "outbox";

    private final JdbcTemplate jdbc;

    public OutboxCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of {@code name} (1 for a new counter); call inside the transaction that uses it. */
    public long next(String name) {
        Long value = jdbc.queryForObject("""
                INSERT INTO outbox_counter (name, next) VALUES (?, 2)
                ON CONFLICT (name) DO UPDATE SET next = outbox_counter.next + 1
                RETURNING next - 1""", Long.class, name);
        return value;
    }
}
