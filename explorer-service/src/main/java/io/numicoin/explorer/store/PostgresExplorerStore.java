package io.numicoin.explorer.store;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write side of the read model. {@link #connect} and {@link #disconnect} each apply one block
 * and move the {@link ChainCursor} in one database transaction, so a crash leaves either the whole
 * block and its sequence or neither (a replay after the crash is then recognised by the sequence
 * or by the block's status). A disconnect removes exactly what the connect added to the history and
 * balances (the same {@link AddressEffect}s, negated), marks the block stale and records it in the
 * open reorg.
 */
public final class PostgresExplorerStore {

    /** Events the log keeps by default: more than 30 days of mainnet blocks (the chain topic's retention), reorgs included. */
    public static final long DEFAULT_EVENT_LOG_RETENTION = 200_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final long eventLogRetention;
    private final long pruneEvery;

    public PostgresExplorerStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this(jdbc, tx, DEFAULT_EVENT_LOG_RETENTION);
    }

    /**
     * @param eventLogRetention how many sequences below the newest the {@code chain_event_log} keeps;
     *     older rows are deleted every tenth of that many events. A replay older than that is still a
     *     duplicate when its effect is reflected, else it costs a resync (never a wrong read model).
     */
    public PostgresExplorerStore(JdbcTemplate jdbc, TransactionTemplate tx, long eventLogRetention) {
        if (eventLogRetention < 1) {
            throw new IllegalArgumentException("the event log must keep at least one event: " + eventLogRetention);
        }
        this.jdbc = jdbc;
        this.tx = tx;
        this.eventLogRetention = eventLogRetention;
        this.pruneEvery = Math.max(1, eventLogRetention / 10);
    }

    public Optional<ChainCursor> cursor() {
        return jdbc.query("SELECT tip_id, tip_height, tip_work, sequence FROM chain_cursor WHERE id = 1",
                (rs, i) -> new ChainCursor(Hash256.of(rs.getBytes(1)), rs.getLong(2),
                        rs.getBigDecimal(3).toBigIntegerExact(), rs.getLong(4))).stream().findFirst();
    }

    /** Whether the block is on the read model's active chain. */
    public boolean isActive(Hash256 id) {
        return Boolean.TRUE.equals(jdbc.query("SELECT status = 'ACTIVE' FROM block WHERE id = ?",
                (rs, i) -> rs.getBoolean(1), id.toArray()).stream().findFirst().orElse(false));
    }

    /** The active block at {@code height}, if the read model has one. */
    public Optional<Hash256> activeIdAt(long height) {
        return jdbc.query("SELECT id FROM block WHERE height = ? AND status = 'ACTIVE'",
                (rs, i) -> Hash256.of(rs.getBytes(1)), height).stream().findFirst();
    }

    /** The header of the active block at {@code height}, if the read model has one. */
    public Optional<BlockHeader> activeHeaderAt(long height) {
        return jdbc.query("""
                SELECT version, height, parent_id, merkle_root, state_commitment, time_s, target_bits, nonce
                FROM block WHERE height = ? AND status = 'ACTIVE'""", (rs, i) -> new BlockHeader(rs.getInt(1),
                rs.getLong(2), Hash256.of(rs.getBytes(3)), Hash256.of(rs.getBytes(4)), Hash256.of(rs.getBytes(5)),
                rs.getLong(6), new CompactTarget(rs.getInt(7)), rs.getLong(8)), height).stream().findFirst();
    }

    /** The active block at {@code height} itself (for a disconnect during a resync). */
    public Optional<Block> activeBlockAt(long height) {
        Optional<Hash256> id = activeIdAt(height);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> raws = jdbc.query("SELECT raw FROM tx WHERE block_id = ? ORDER BY tx_index",
                (rs, i) -> rs.getBytes(1), id.get().toArray());
        BlockHeader header = activeHeaderAt(height).orElseThrow();
        List<Transaction> txs = new ArrayList<>();
        for (byte[] raw : raws) {
            try {
                txs.add(TransactionCodec.decode(raw));
            } catch (io.numicoin.protocol.codec.DecodeException e) {
                throw new IllegalStateException("stored transaction of " + id.get() + " does not decode", e);
            }
        }
        return Optional.of(new Block(header, txs));
    }

    /** Sets the sequence alone (an event that is already reflected, or the event a resync covered). */
    public void saveSequence(long sequence) {
        jdbc.update("UPDATE chain_cursor SET sequence = ? WHERE id = 1", sequence);
    }

    /**
     * Applies {@code block} (whose parent is the tip, or nothing for genesis) as the new tip with the
     * chain's {@code cumulativeWork} through it; {@code sequence} becomes the cursor's.
     */
    public void connect(Block block, BigInteger cumulativeWork, long sequence) {
        Hash256 id = BlockHeaderCodec.id(block.header());
        List<Hash256> txids = AddressEffect.txids(block);
        tx.executeWithoutResult(status -> {
            BlockHeader h = block.header();
            int updated = jdbc.update("UPDATE block SET status = 'ACTIVE', reorg_id = NULL WHERE id = ?", id.toArray());
            if (updated == 0) {
                jdbc.update("""
                        INSERT INTO block (id, height, parent_id, time_s, target_bits, work, cumulative_work, tx_count,
                            size, state_commitment, merkle_root, nonce, version, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE')""",
                        id.toArray(), h.height(), h.previousId().toArray(), h.timestamp(), h.target().bits(),
                        new BigDecimal(h.target().work()), new BigDecimal(cumulativeWork), block.transactions().size(),
                        BlockCodec.encodedSize(block), h.stateCommitment().toArray(), h.merkleRoot().toArray(), h.nonce(),
                        h.version());
                insertTransactions(id, block, txids);
            }
            List<AddressEffect> effects = AddressEffect.of(block, txids);
            byte[] blockId = id.toArray();
            // one batch per statement: a block touches up to two addresses per transaction
            jdbc.batchUpdate("""
                    INSERT INTO address_history (address, height, tx_index, block_id, txid, direction, delta)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", effects.stream().map(e -> new Object[] {
                    e.address().policyHash().toArray(), h.height(), e.txIndex(), blockId, e.txid().toArray(),
                    e.direction().name(), e.delta()}).toList());
            jdbc.batchUpdate("""
                    INSERT INTO address_balance (address, balance, received, sent, tx_count) VALUES (?, ?, ?, ?, 1)
                    ON CONFLICT (address) DO UPDATE SET balance = address_balance.balance + EXCLUDED.balance,
                        received = address_balance.received + EXCLUDED.received,
                        sent = address_balance.sent + EXCLUDED.sent, tx_count = address_balance.tx_count + 1""",
                    effects.stream().map(e -> new Object[] {e.address().policyHash().toArray(), e.delta(),
                            Math.max(e.delta(), 0), Math.max(-e.delta(), 0)}).toList());
            jdbc.batchUpdate("DELETE FROM mempool_tx WHERE txid = ?",
                    txids.stream().map(t -> new Object[] {t.toArray()}).toList());
            jdbc.update("""
                    UPDATE reorg SET new_tip_id = ?, new_tip_height = ?, closed = (? > old_tip_work)
                    WHERE NOT closed""", id.toArray(), h.height(), new BigDecimal(cumulativeWork));
            logEvent(sequence, id, true);
            moveCursor(id, h.height(), cumulativeWork, sequence);
        });
    }

    /**
     * Takes the tip {@code block} off: its history rows and balance changes are undone, it is marked
     * stale and counted in the open reorg (opened by the first disconnect after a connect); its parent
     * becomes the tip with {@code workAfter}.
     */
    public void disconnect(Block block, BigInteger workAfter, long sequence, long nowMillis) {
        Hash256 id = BlockHeaderCodec.id(block.header());
        List<Hash256> txids = AddressEffect.txids(block);
        tx.executeWithoutResult(status -> {
            BlockHeader h = block.header();
            ChainCursor before = cursor().orElseThrow();
            jdbc.update("DELETE FROM address_history WHERE block_id = ?", id.toArray());
            jdbc.batchUpdate("""
                    UPDATE address_balance SET balance = balance - ?, received = received - ?, sent = sent - ?,
                        tx_count = tx_count - 1 WHERE address = ?""", AddressEffect.of(block, txids).stream()
                    .map(e -> new Object[] {e.delta(), Math.max(e.delta(), 0), Math.max(-e.delta(), 0),
                            e.address().policyHash().toArray()}).toList());
            jdbc.batchUpdate("DELETE FROM address_balance WHERE address = ? AND tx_count = 0", AddressEffect.of(block, txids)
                    .stream().map(e -> new Object[] {e.address().policyHash().toArray()}).toList());
            List<Long> open = jdbc.query("SELECT id FROM reorg WHERE NOT closed", (rs, i) -> rs.getLong(1));
            long reorgId;
            if (open.isEmpty()) {
                reorgId = jdbc.queryForObject("""
                        INSERT INTO reorg (fork_id, fork_height, old_tip_id, old_tip_height, old_tip_work, depth, closed, at_ms)
                        VALUES (?, ?, ?, ?, ?, 1, false, ?) RETURNING id""", Long.class, h.previousId().toArray(),
                        h.height() - 1, before.tipId().toArray(), before.tipHeight(), new BigDecimal(before.tipWork()),
                        nowMillis);
            } else {
                reorgId = open.getFirst();
                jdbc.update("UPDATE reorg SET fork_id = ?, fork_height = ?, depth = depth + 1 WHERE id = ?",
                        h.previousId().toArray(), h.height() - 1, reorgId);
            }
            jdbc.update("UPDATE block SET status = 'STALE', reorg_id = ? WHERE id = ?", reorgId, id.toArray());
            logEvent(sequence, id, false);
            moveCursor(h.previousId(), h.height() - 1, workAfter, sequence);
        });
    }

    private void insertTransactions(Hash256 blockId, Block block, List<Hash256> txids) {
        List<Object[]> rows = new ArrayList<>();
        List<Transaction> txs = block.transactions();
        for (int i = 0; i < txs.size(); i++) {
            Transaction t = txs.get(i);
            byte[] raw = TransactionCodec.encode(t);
            rows.add(switch (t) {
                case CoinbaseTx c -> new Object[] {blockId.toArray(), i, txids.get(i).toArray(), true, null,
                        c.recipient().policyHash().toArray(), c.amount().units(), 0L, 0L, c.memo().toArray(), raw};
                case TransferTx x -> new Object[] {blockId.toArray(), i, txids.get(i).toArray(), false,
                        x.sender().policyHash().toArray(), x.recipient().policyHash().toArray(), x.amount().units(),
                        x.fee().units(), x.nonce(), x.memo().toArray(), raw};
            });
        }
        jdbc.batchUpdate("""
                INSERT INTO tx (block_id, tx_index, txid, coinbase, sender, recipient, amount, fee, nonce, memo, raw)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** Whether the event with this sequence, block and kind was applied here (a replay of it changes nothing). */
    public boolean applied(long sequence, Hash256 blockId, boolean connected) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM chain_event_log WHERE sequence = ? AND block_id = ? AND connected = ?)""",
                Boolean.class, sequence, blockId.toArray(), connected));
    }

    private void logEvent(long sequence, Hash256 blockId, boolean connected) {
        if (sequence != ChainCursor.UNKNOWN_SEQUENCE) {
            jdbc.update("""
                    INSERT INTO chain_event_log (sequence, block_id, connected) VALUES (?, ?, ?)
                    ON CONFLICT (sequence) DO UPDATE SET block_id = EXCLUDED.block_id, connected = EXCLUDED.connected""",
                    sequence, blockId.toArray(), connected);
            if (sequence % pruneEvery == 0) {
                jdbc.update("DELETE FROM chain_event_log WHERE sequence <= ?", sequence - eventLogRetention);
            }
        }
    }

    private void moveCursor(Hash256 tipId, long height, BigInteger work, long sequence) {
        jdbc.update("""
                INSERT INTO chain_cursor (id, tip_id, tip_height, tip_work, sequence) VALUES (1, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET tip_id = EXCLUDED.tip_id, tip_height = EXCLUDED.tip_height,
                    tip_work = EXCLUDED.tip_work, sequence = EXCLUDED.sequence""",
                tipId.toArray(), height, new BigDecimal(work), sequence);
    }
}
