package io.numicoin.node.storage;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL over the chain's other tables: {@code block_body} (whose bodies are in {@link BlockFiles}),
 * {@code undo_data}, {@code main_chain}, {@code chain_transactions} and {@code chain_tip}. Writes
 * join the caller's transaction.
 */
public final class ChainTables {

    private static final String INSERT_TRANSACTIONS = """
            INSERT INTO chain_transactions (txid, block_id, height, position, sender, recipient)
            SELECT t.txid, ?, ?, t.position, t.sender, t.recipient
            FROM unnest(?::bytea[], ?::integer[], ?::bytea[], ?::bytea[]) AS t(txid, position, sender, recipient)""";

    private final JdbcTemplate jdbc;
    private final BlockFiles files;

    public ChainTables(JdbcTemplate jdbc, BlockFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /**
     * Appends the body to the block files (on disk when this returns) and inserts the row naming it.
     * If the row is there already, the appended copy is left unreferenced.
     */
    public void insertBody(Hash256 id, byte[] encoded, int txCount) {
        BlockFiles.Location at = files.append(encoded);
        jdbc.update("""
                INSERT INTO block_body (id, size, tx_count, file_no, file_offset) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                id.toArray(), encoded.length, txCount, at.fileNo(), at.offset());
    }

    /**
     * Deletes bodies that no {@code block_index} row names: written ahead of an import that never
     * happened (the process stopped in between, or the block's header was refused). Returns how many.
     */
    public int deleteBodiesWithoutBlocks() {
        return jdbc.update("DELETE FROM block_body b WHERE NOT EXISTS (SELECT 1 FROM block_index i WHERE i.id = b.id)");
    }

    /** This transaction's commit does not wait for its WAL flush ({@code SET LOCAL synchronous_commit = off}). */
    public void relaxCommitFlush() {
        jdbc.execute("SET LOCAL synchronous_commit = off");
    }

    public Optional<byte[]> body(Hash256 id) {
        return jdbc.query("SELECT " + BlockFiles.bodyColumns("d") + " FROM block_body d WHERE d.id = ?", (rs, n) -> files.bodyOf(rs),
                (Object) id.toArray()).stream().findFirst();
    }

    /** Deletes the row; a body in a file stays there unreferenced. */
    public void deleteBody(Hash256 id) {
        jdbc.update("DELETE FROM block_body WHERE id = ?", (Object) id.toArray());
    }

    public void putUndo(Hash256 id, byte[] data) {
        jdbc.update("INSERT INTO undo_data (block_id, data) VALUES (?, ?) ON CONFLICT (block_id) DO UPDATE SET data = EXCLUDED.data",
                id.toArray(), data);
    }

    public Optional<byte[]> undo(Hash256 id) {
        return jdbc.query("SELECT data FROM undo_data WHERE block_id = ?", (rs, n) -> rs.getBytes(1), (Object) id.toArray())
                .stream().findFirst();
    }

    public void deleteUndo(Hash256 id) {
        jdbc.update("DELETE FROM undo_data WHERE block_id = ?", (Object) id.toArray());
    }

    public void addToMainChain(long height, Hash256 id) {
        jdbc.update("INSERT INTO main_chain (height, id) VALUES (?, ?)", height, id.toArray());
    }

    public void removeFromMainChain(long height, Hash256 id) {
        int removed = jdbc.update("DELETE FROM main_chain WHERE height = ? AND id = ?", height, id.toArray());
        if (removed != 1) {
            throw new IllegalStateException("block " + id + " is not on the main chain at height " + height);
        }
    }

    public Optional<Hash256> mainChainAt(long height) {
        return jdbc.query("SELECT id FROM main_chain WHERE height = ?", (rs, n) -> Hash256.of(rs.getBytes(1)), height)
                .stream().findFirst();
    }

    /** The active chain's ids from {@code fromHeight} up, ascending. */
    public List<Hash256> mainChainFrom(long fromHeight) {
        return jdbc.query("SELECT id FROM main_chain WHERE height >= ? ORDER BY height",
                (rs, n) -> Hash256.of(rs.getBytes(1)), fromHeight);
    }

    /** Indexes {@code block}'s transactions by txid (one statement for the whole block). */
    public void indexTransactions(Hash256 blockId, Block block) {
        indexTransactions(blockId, block, null);
    }

    /** As {@link #indexTransactions(Hash256, Block)} with the txids in block order when the caller has them (else null). */
    public void indexTransactions(Hash256 blockId, Block block, List<Hash256> knownTxids) {
        if (knownTxids != null && knownTxids.size() != block.transactions().size()) {
            throw new IllegalArgumentException(knownTxids.size() + " txids for " + block.transactions().size() + " transactions");
        }
        List<byte[]> txids = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<byte[]> senders = new ArrayList<>();
        List<byte[]> recipients = new ArrayList<>();
        List<Transaction> txs = block.transactions();
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            txids.add((knownTxids != null ? knownTxids.get(i) : TransactionCodec.txid(tx)).toArray());
            positions.add(i);
            switch (tx) {
                case CoinbaseTx coinbase -> {
                    senders.add(null);
                    recipients.add(coinbase.recipient().policyHash().toArray());
                }
                case TransferTx transfer -> {
                    senders.add(transfer.sender().policyHash().toArray());
                    recipients.add(transfer.recipient().policyHash().toArray());
                }
            }
        }
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(INSERT_TRANSACTIONS);
            ps.setBytes(1, blockId.toArray());
            ps.setLong(2, block.height());
            ps.setArray(3, PgArrays.bytea(con, txids));
            ps.setArray(4, PgArrays.integer(con, positions));
            ps.setArray(5, PgArrays.bytea(con, senders));
            ps.setArray(6, PgArrays.bytea(con, recipients));
            return ps;
        });
    }

    /** Deletes {@code block}'s transaction rows, by txid (the primary key). */
    public void unindexTransactions(Hash256 blockId, Block block) {
        List<byte[]> txids = block.transactions().stream().map(tx -> TransactionCodec.txid(tx).toArray()).toList();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("DELETE FROM chain_transactions WHERE txid = ANY(?) AND block_id = ?");
            ps.setArray(1, PgArrays.bytea(con, txids));
            ps.setBytes(2, blockId.toArray());
            return ps;
        });
    }

    public Optional<StoredTip> tip() {
        return jdbc.query("SELECT id, height, accumulator FROM chain_tip", (rs, n) -> {
            try {
                return new StoredTip(Hash256.of(rs.getBytes(1)), rs.getLong(2), MuHash3072.fromBytes(rs.getBytes(3)));
            } catch (DecodeException e) {
                throw new CorruptChainDataException("chain_tip holds an accumulator that does not decode: " + e.getMessage(), e);
            }
        }).stream().findFirst();
    }

    public void insertTip(StoredTip tip) {
        jdbc.update("INSERT INTO chain_tip (id, height, accumulator) VALUES (?, ?, ?)",
                tip.id().toArray(), tip.height(), tip.accumulator().toBytes());
    }

    /**
     * Moves the tip row from {@code expected} to {@code tip}.
     *
     * @throws IllegalStateException if the stored tip is not {@code expected} (another writer)
     */
    public void moveTip(Hash256 expected, StoredTip tip) {
        int updated = jdbc.update("UPDATE chain_tip SET id = ?, height = ?, accumulator = ?, updated_at = now() WHERE id = ?",
                tip.id().toArray(), tip.height(), tip.accumulator().toBytes(), expected.toArray());
        if (updated != 1) {
            throw new IllegalStateException("the stored chain tip is no longer " + expected
                    + ": another process writes this database (only one node may use it)");
        }
    }
}
