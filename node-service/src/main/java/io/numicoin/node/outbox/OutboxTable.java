package io.numicoin.node.outbox;

import io.numicoin.events.EventDecodeException;
import io.numicoin.events.codec.EnvelopeCodec;
import io.numicoin.node.storage.BlockFiles;
import io.numicoin.protocol.hash.Hash256;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The relay's SQL over {@code outbox}: the oldest rows in seq order, deleting what Kafka acknowledged, and the lag. */
public final class OutboxTable {

    /** How far the relay is behind: rows waiting and the age of the oldest. */
    public record Lag(long rows, Optional<Instant> oldest) {
    }

    private final JdbcTemplate jdbc;
    private final BlockFiles files;

    public OutboxTable(JdbcTemplate jdbc, BlockFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /**
     * The oldest rows, in seq order, with their whole record values: at most {@code maxRows}, and
     * no more than {@code maxBytes} of record values (but always at least one row, whatever its
     * size). A row naming a block body ({@code payload_tail_block}) gets that body appended.
     *
     * @throws MissingEventBodyException if such a body is not stored (publishing must wait for it)
     */
    public List<OutboxRow> oldest(int maxRows, long maxBytes) {
        List<long[]> sizes = jdbc.query("""
                SELECT o.seq, octet_length(o.payload) + coalesce(b.size, 0)
                FROM outbox o LEFT JOIN block_body b ON b.id = o.payload_tail_block
                ORDER BY o.seq LIMIT ?""",
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
        return jdbc.query("""
                SELECT o.seq, o.topic, o.record_key, o.payload, o.created_at, o.payload_tail_block, %s
                FROM outbox o LEFT JOIN block_body b ON b.id = o.payload_tail_block
                WHERE o.seq BETWEEN ? AND ? ORDER BY o.seq""".formatted(BlockFiles.bodyColumns("b")),
                (rs, n) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getBytes(3),
                        recordValue(rs.getLong(1), rs.getBytes(4), rs.getBytes(6), files.bodyOf(rs)), rs.getTimestamp(5).toInstant()),
                sizes.getFirst()[0], last);
    }

    /** The stored payload, followed by the named body if there is one; checked to be one whole event. */
    private static byte[] recordValue(long seq, byte[] payload, byte[] tailBlock, byte[] body) {
        if (tailBlock == null) {
            return payload;
        }
        if (body == null) {
            throw new MissingEventBodyException(seq, Hash256.of(tailBlock));
        }
        byte[] record = Arrays.copyOf(payload, payload.length + body.length);
        System.arraycopy(body, 0, record, payload.length, body.length);
        try {
            EnvelopeCodec.peek(record);  // the envelope's payload length must cover exactly the body appended
        } catch (EventDecodeException e) {
            throw new IllegalStateException("outbox row " + seq + " with the body of block " + Hash256.of(tailBlock)
                    + " is not one whole event: " + e.getMessage(), e);
        }
        return record;
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
