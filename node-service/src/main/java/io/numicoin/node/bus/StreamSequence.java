package io.numicoin.node.bus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The live stream's sequence numbers, continuing across restarts: the counter {@code live-stream} of
 * {@code outbox_counter} holds the first number not yet handed out or reserved. Numbers are reserved
 * in blocks of {@value #BLOCK} (one write per block, not per event); a clean shutdown writes back the
 * exact next number, so a restarted node goes on where it stopped. After a crash it goes on above
 * the reserved block: a gap, never a number used twice. Not thread-safe: the bus calls it under its lock.
 */
public final class StreamSequence implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamSequence.class);
    static final String COUNTER = "live-stream";
    static final long BLOCK = 1024;

    private final JdbcTemplate jdbc;  // null: numbers live in memory only
    private long last;
    private long reservedThrough;

    private StreamSequence(JdbcTemplate jdbc, long last) {
        this.jdbc = jdbc;
        this.last = last;
        this.reservedThrough = jdbc == null ? Long.MAX_VALUE : last;
    }

    /** Continues the numbers stored in the node's database. */
    public static StreamSequence stored(JdbcTemplate jdbc) {
        Long next = jdbc.query("SELECT next FROM outbox_counter WHERE name = ?",
                rs -> rs.next() ? rs.getLong(1) : null, COUNTER);
        return new StreamSequence(jdbc, next == null ? 0 : next - 1);
    }

    /** Numbers from 1, kept nowhere (a bus without a database). */
    public static StreamSequence inMemory() {
        return new StreamSequence(null, 0);
    }

    /** The last number handed out (0 before the first). */
    public long last() {
        return last;
    }

    /** The next number. A failed reservation is logged and retried on the next call; the number is still given. */
    public long next() {
        if (last + 1 > reservedThrough) {
            try {
                store(last + 1 + BLOCK);
                reservedThrough = last + BLOCK;
            } catch (DataAccessException e) {
                log.warn("reserving live-stream sequence numbers failed; a crash now may reuse {}: {}", last + 1, e.getMessage());
            }
        }
        return ++last;
    }

    /** Writes back the exact next number, so the restarted node continues without a gap. */
    @Override
    public void close() {
        if (jdbc == null) {
            return;
        }
        try {
            jdbc.update("INSERT INTO outbox_counter (name, next) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET next = EXCLUDED.next",
                    COUNTER, last + 1);
            reservedThrough = last;
        } catch (DataAccessException e) {
            log.warn("storing the live-stream sequence at shutdown failed; the next start skips ahead: {}", e.getMessage());
        }
    }

    private void store(long next) {
        jdbc.update("INSERT INTO outbox_counter (name, next) VALUES (?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET next = GREATEST(outbox_counter.next, EXCLUDED.next)", COUNTER, next);
    }
}
