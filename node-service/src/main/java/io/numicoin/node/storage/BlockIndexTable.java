package io.numicoin.node.storage;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.chain.BlockIndexEntry;
import io.numicoin.protocol.chain.BlockStatus;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.protocol.validation.BlockRejection;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/** The SQL over {@code block_index}: one row per header the block tree holds, with its status. */
public final class BlockIndexTable {

    /** One stored row, decoded. */
    public record Row(Hash256 id, long height, Hash256 parentId, BlockHeader header, BigInteger cumulativeWork,
            BlockStatus status, long firstSeen, Long dataSeq) {
    }

    /** The block a node started from a state snapshot loaded its state at (table {@code snapshot_base}). */
    public record SnapshotBase(Hash256 id, long height) {
    }

    /** An INVALID row with its stored reason, when there is one. */
    public record InvalidMark(Hash256 id, Optional<BlockRejection> rejection) {
    }

    private static final String COLUMNS = "id, height, parent_id, header, cumulative_work, status, first_seen, data_seq";

    private final JdbcTemplate jdbc;

    public BlockIndexTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the entries (in one batch, no body yet); rows already there are left alone. */
    public void insert(List<BlockIndexEntry> entries) {
        jdbc.batchUpdate("INSERT INTO block_index (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (id) DO NOTHING",
                entries, entries.size(), (ps, e) -> {
                    ps.setBytes(1, e.id().toArray());
                    ps.setLong(2, e.height());
                    ps.setBytes(3, e.parentId().toArray());
                    ps.setBytes(4, BlockHeaderCodec.encode(e.header()));
                    ps.setBigDecimal(5, new BigDecimal(e.cumulativeWork()));
                    ps.setShort(6, BlockStatusCode.of(e.status()));
                    ps.setLong(7, e.firstSeen());
                });
    }

    /** Sets each id's status and rejection reason (NULL when none; one batch, in order). */
    public void updateStatuses(List<BlockIndexJournal.StatusChange> changes) {
        jdbc.batchUpdate("UPDATE block_index SET status = ?, reject_reason = ?, reject_detail = ?, reject_tx_index = ?"
                + " WHERE id = ?", changes, changes.size(), (ps, change) -> {
                    BlockRejection why = change.rejection();
                    ps.setShort(1, BlockStatusCode.of(change.status()));
                    ps.setString(2, why == null ? null : why.reason().name());
                    ps.setString(3, why == null ? null : why.detail());
                    ps.setObject(4, why == null ? null : why.txIndex(), Types.INTEGER);
                    ps.setBytes(5, change.id().toArray());
                });
    }

    /**
     * Every INVALID row in arrival order, with its stored reason when there is one (rows written
     * before reasons were kept, or naming a reason this build does not know, have none).
     */
    public List<InvalidMark> invalidWithReasons() {
        return jdbc.query("SELECT id, reject_reason, reject_detail, reject_tx_index FROM block_index WHERE status = ?"
                        + " ORDER BY first_seen",
                (rs, n) -> new InvalidMark(Hash256.of(rs.getBytes(1)),
                        rejection(rs.getString(2), rs.getString(3), rs.getObject(4, Integer.class))),
                BlockStatusCode.INVALID);
    }

    /** The snapshot base (id, height) of a node started from a state snapshot; empty for a chain from genesis. */
    public Optional<SnapshotBase> snapshotBase() {
        return jdbc.query("SELECT id, height FROM snapshot_base", (rs, n) -> new SnapshotBase(Hash256.of(rs.getBytes(1)), rs.getLong(2)))
                .stream().findFirst();
    }

    private static Optional<BlockRejection> rejection(String reason, String detail, Integer txIndex) {
        if (reason == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BlockRejection(BlockRejectReason.valueOf(reason), txIndex == null ? -1 : txIndex,
                    detail == null ? "" : detail));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** HEADER_ONLY becomes DATA_AVAILABLE, with the body-arrival order; other statuses are kept. */
    public void markDataAvailable(Hash256 id, long dataSeq) {
        jdbc.update("UPDATE block_index SET status = ?, data_seq = COALESCE(data_seq, ?) WHERE id = ? AND status = ?",
                BlockStatusCode.DATA_AVAILABLE, dataSeq, id.toArray(), BlockStatusCode.HEADER_ONLY);
    }

    public void setStatus(Hash256 id, BlockStatus status) {
        jdbc.update("UPDATE block_index SET status = ? WHERE id = ?", BlockStatusCode.of(status), id.toArray());
    }

    /** Back to HEADER_ONLY with no body order: the body is gone and must be fetched again. */
    public void markForRedownload(Hash256 id) {
        jdbc.update("UPDATE block_index SET status = ?, data_seq = NULL WHERE id = ?", BlockStatusCode.HEADER_ONLY, id.toArray());
    }

    public Optional<Row> row(Hash256 id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM block_index WHERE id = ?", (rs, n) -> row(rs), (Object) id.toArray())
                .stream().findFirst();
    }

    /** The highest body-arrival number used so far (0 when none). */
    public long maxDataSeq() {
        Long max = jdbc.queryForObject("SELECT max(data_seq) FROM block_index", Long.class);
        return max == null ? 0 : max;
    }

    /** Every row in arrival order (parents before children). */
    public void forEachInArrivalOrder(Consumer<Row> sink) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT " + COLUMNS + " FROM block_index ORDER BY first_seen");
            ps.setFetchSize(10_000);
            return ps;
        }, rs -> {
            sink.accept(row(rs));
        });
    }

    /** Ids of rows with stored bodies and a non-invalid status, in body-arrival order. */
    public List<Hash256> idsWithDataInArrivalOrder() {
        return jdbc.query("SELECT id FROM block_index WHERE data_seq IS NOT NULL AND status IN (?, ?) ORDER BY data_seq",
                (rs, n) -> Hash256.of(rs.getBytes(1)), BlockStatusCode.DATA_AVAILABLE, BlockStatusCode.VALID);
    }

    public List<Hash256> idsWithStatus(short code) {
        return jdbc.query("SELECT id FROM block_index WHERE status = ? ORDER BY first_seen",
                (rs, n) -> Hash256.of(rs.getBytes(1)), code);
    }

    static Row row(ResultSet rs) throws SQLException {
        byte[] headerBytes = rs.getBytes("header");
        BlockHeader header;
        try {
            header = BlockHeaderCodec.decode(headerBytes);
        } catch (DecodeException e) {
            throw new CorruptChainDataException("block_index row " + Hash256.of(rs.getBytes("id"))
                    + " holds a header that does not decode: " + e.getMessage(), e);
        }
        Long dataSeq = rs.getObject("data_seq", Long.class);
        return new Row(Hash256.of(rs.getBytes("id")), rs.getLong("height"), Hash256.of(rs.getBytes("parent_id")), header,
                rs.getBigDecimal("cumulative_work").toBigIntegerExact(), BlockStatusCode.status(rs.getShort("status")),
                rs.getLong("first_seen"), dataSeq);
    }
}
