package io.numicoin.node.integrity;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the newest blocks of the active chain for the checks, without trusting what it reads. */
final class ActiveChainReader {

    private final JdbcTemplate jdbc;

    ActiveChainReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The active chain from {@code fromHeight} up, ascending, with each block's index row. */
    List<ActiveBlock> from(long fromHeight) {
        return jdbc.query("""
                SELECT m.height, m.id, b.parent_id, b.header
                FROM main_chain m LEFT JOIN block_index b ON b.id = m.id
                WHERE m.height >= ? ORDER BY m.height""", (rs, n) -> {
                    byte[] headerBytes = rs.getBytes(4);
                    byte[] parent = rs.getBytes(3);
                    return new ActiveBlock(rs.getLong(1), Hash256.of(rs.getBytes(2)),
                            parent == null ? Hash256.ZERO : Hash256.of(parent), headerBytes, decode(headerBytes));
                }, fromHeight);
    }

    Optional<Hash256> idAt(long height) {
        return jdbc.query("SELECT id FROM main_chain WHERE height = ?", (rs, n) -> Hash256.of(rs.getBytes(1)), height)
                .stream().findFirst();
    }

    long topHeight() {
        Long top = jdbc.queryForObject("SELECT max(height) FROM main_chain", Long.class);
        return top == null ? -1 : top;
    }

    private static Optional<BlockHeader> decode(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BlockHeaderCodec.decode(bytes));
        } catch (DecodeException e) {
            return Optional.empty();
        }
    }
}
