package io.numicoin.node.query;

import io.numicoin.node.storage.BlockFiles;
import io.numicoin.node.storage.BlockStatusCode;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.chain.BlockStatus;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read-only queries over the block tables ({@code block_index}, {@code block_body} with its {@link BlockFiles},
 * {@code main_chain}, {@code chain_tip}). Blocking; callers run them through {@link BlockingReads}.
 */
public final class ChainQueries {

    /** Header, work and status of a block, its body's size and count, its place on the active chain. */
    private static final String BLOCK_COLUMNS = """
            SELECT b.id, b.header, b.cumulative_work, b.status, d.size, d.tx_count,
                   (m.id IS NOT NULL) AS main_chain,
                   (SELECT n.id FROM main_chain n WHERE m.id IS NOT NULL AND n.height = b.height + 1) AS next_id,
                   COALESCE(t.height, -1) AS tip_height
            """;
    private static final String BLOCK_JOINS = """
            LEFT JOIN block_body d ON d.id = b.id
            LEFT JOIN main_chain m ON m.id = b.id
            LEFT JOIN chain_tip t ON TRUE
            """;

    private final JdbcClient jdbc;
    private final BlockFiles files;

    public ChainQueries(JdbcClient jdbc, BlockFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** The block with its transactions' ids (decoded from the stored body, if there is one). */
    public Optional<BlockRecord> block(BlockRef ref) {
        return switch (ref) {
            case BlockRef.ById byId -> jdbc.sql(BLOCK_COLUMNS + ", " + BlockFiles.bodyColumns("d") + " FROM block_index b " + BLOCK_JOINS
                            + " WHERE b.id = ?")
                    .param(byId.id().toArray())
                    .query((rs, n) -> withTxIds(rs))
                    .optional();
            case BlockRef.AtHeight at -> jdbc.sql(BLOCK_COLUMNS + ", " + BlockFiles.bodyColumns("d") + " FROM main_chain a JOIN block_index b ON b.id = a.id "
                            + BLOCK_JOINS + " WHERE a.height = ?")
                    .param(at.height())
                    .query((rs, n) -> withTxIds(rs))
                    .optional();
        };
    }

    /** The block's encoded bytes, if the block and its body are stored. */
    public Optional<Bytes> rawBlock(BlockRef ref) {
        return switch (ref) {
            case BlockRef.ById byId -> jdbc.sql("SELECT " + BlockFiles.bodyColumns("d") + " FROM block_body d WHERE d.id = ?")
                    .param(byId.id().toArray())
                    .query((rs, n) -> Bytes.of(files.bodyOf(rs)))
                    .optional();
            case BlockRef.AtHeight at -> jdbc.sql(
                            "SELECT " + BlockFiles.bodyColumns("d") + " FROM main_chain a JOIN block_body d ON d.id = a.id WHERE a.height = ?")
                    .param(at.height())
                    .query((rs, n) -> Bytes.of(files.bodyOf(rs)))
                    .optional();
        };
    }

    /** The active chain's blocks at heights {@code from..to} (inclusive, ascending), without tx ids. */
    public List<BlockRecord> mainChainRange(long from, long to) {
        return jdbc.sql(BLOCK_COLUMNS + " FROM main_chain a JOIN block_index b ON b.id = a.id " + BLOCK_JOINS
                        + " WHERE a.height BETWEEN ? AND ? ORDER BY a.height")
                .param(from)
                .param(to)
                .query((rs, n) -> record(rs, List.of()))
                .list();
    }

    /** Encoded headers of the active chain from height {@code from}, at most {@code count}, ascending. */
    public List<Bytes> headers(long from, int count) {
        return jdbc.sql("SELECT b.header FROM main_chain a JOIN block_index b ON b.id = a.id "
                        + "WHERE a.height >= ? ORDER BY a.height LIMIT ?")
                .param(from)
                .param(count)
                .query((rs, n) -> Bytes.of(rs.getBytes(1)))
                .list();
    }

    /** The active chain's height, empty before the node stored a tip. */
    public Optional<Long> tipHeight() {
        return jdbc.sql("SELECT height FROM chain_tip").query(Long.class).optional();
    }

    private BlockRecord withTxIds(ResultSet rs) throws SQLException {
        byte[] body = files.bodyOf(rs);
        if (body == null) {
            return record(rs, List.of());
        }
        try {
            Block block = BlockCodec.decode(body);
            return record(rs, block.transactions().stream().map(TransactionCodec::txid).toList());
        } catch (DecodeException e) {
            String id = Bytes.of(rs.getBytes("id")).toHex();
            throw new IllegalStateException("stored body of block " + id + " does not decode", e);
        }
    }

    private static BlockRecord record(ResultSet rs, List<Hash256> txIds) throws SQLException {
        byte[] next = rs.getBytes("next_id");
        int size = rs.getInt("size");
        Optional<Integer> sizeIfStored = rs.wasNull() ? Optional.empty() : Optional.of(size);
        int count = rs.getInt("tx_count");
        Optional<Integer> countIfStored = rs.wasNull() ? Optional.empty() : Optional.of(count);
        return new BlockRecord(
                Hash256.of(rs.getBytes("id")),
                header(rs.getBytes("header")),
                rs.getBigDecimal("cumulative_work").toBigIntegerExact(),
                status(rs.getInt("status")),
                rs.getBoolean("main_chain"),
                next == null ? Optional.empty() : Optional.of(Hash256.of(next)),
                rs.getLong("tip_height"),
                sizeIfStored,
                countIfStored,
                txIds);
    }

    static BlockHeader header(byte[] bytes) {
        try {
            return BlockHeaderCodec.decode(bytes);
        } catch (DecodeException e) {
            throw new IllegalStateException("a stored header does not decode", e);
        }
    }

    /** The status for its stored code ({@link BlockStatusCode}), null for a code this build does not know. */
    private static BlockStatus status(int code) {
        try {
            return BlockStatusCode.status(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
