package io.numicoin.node.query;

import io.numicoin.node.storage.BlockFiles;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.Transaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read-only lookups of transactions on the active chain: {@code chain_transactions} says where a
 * txid is, the block body holds the transaction itself (read up to its position, not decoded whole).
 */
public final class TransactionQueries {

    private final JdbcClient jdbc;
    private final BlockFiles files;

    public TransactionQueries(JdbcClient jdbc, BlockFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** The transaction with this id on the active chain, if there is one. */
    public Optional<TransactionRecord> transaction(Hash256 txid) {
        return jdbc.sql("""
                        SELECT ct.block_id, ct.height, ct.position, %s, COALESCE(t.height, ct.height) AS tip_height
                        FROM chain_transactions ct
                        JOIN block_body d ON d.id = ct.block_id
                        LEFT JOIN chain_tip t ON TRUE
                        WHERE ct.txid = ?
                        """.formatted(BlockFiles.bodyColumns("d")))
                .param(txid.toArray())
                .query((rs, n) -> record(txid, rs))
                .optional();
    }

    private TransactionRecord record(Hash256 txid, ResultSet rs) throws SQLException {
        Hash256 blockId = Hash256.of(rs.getBytes("block_id"));
        long height = rs.getLong("height");
        int position = rs.getInt("position");
        ByteReader reader = new ByteReader(files.bodyOf(rs));
        try {
            BlockHeader header = BlockHeaderCodec.read(reader);
            long count = reader.u32("transaction count");
            if (position < 0 || position >= count) {
                throw new IllegalStateException("transaction " + txid + " is indexed at position " + position
                        + " of block " + blockId + ", which has " + count);
            }
            Transaction tx = TransactionCodec.read(reader);
            for (int i = 0; i < position; i++) {
                tx = TransactionCodec.read(reader);
            }
            if (!TransactionCodec.txid(tx).equals(txid)) {
                throw new IllegalStateException("block " + blockId + " holds another transaction at position " + position);
            }
            long confirmations = Math.max(0, rs.getLong("tip_height") - height + 1);
            return new TransactionRecord(txid, tx, blockId, height, position, header.timestamp(), confirmations,
                    TransactionCodec.encodedSize(tx));
        } catch (DecodeException e) {
            throw new IllegalStateException("stored body of block " + blockId + " does not decode", e);
        }
    }
}
