package io.numicoin.explorer.api;

import io.numicoin.explorer.api.ExplorerViews.AddressView;
import io.numicoin.explorer.api.ExplorerViews.BlockView;
import io.numicoin.explorer.api.ExplorerViews.HistoryEntry;
import io.numicoin.explorer.api.ExplorerViews.ReorgView;
import io.numicoin.explorer.api.ExplorerViews.TxStatus;
import io.numicoin.explorer.api.ExplorerViews.TxView;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.hash.Hash256;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read side of the read model: one bounded query per call (every list has a LIMIT). */
public final class ExplorerQueries {

    private static final HexFormat HEX = HexFormat.of();
    private static final String BLOCK_COLUMNS = """
            id, height, parent_id, time_s, target_bits, work, cumulative_work, tx_count, size, state_commitment,
            merkle_root, nonce, version, status, reorg_id, (SELECT tip_height FROM chain_cursor WHERE id = 1) AS tip""";

    private final JdbcTemplate jdbc;
    private final AddressHrp hrp;

    public ExplorerQueries(JdbcTemplate jdbc, AddressHrp hrp) {
        this.jdbc = jdbc;
        this.hrp = hrp;
    }

    /** The read model's tip height (-1 while empty). */
    public long tipHeight() {
        return jdbc.query("SELECT tip_height FROM chain_cursor WHERE id = 1", (rs, i) -> rs.getLong(1)).stream()
                .findFirst().orElse(-1L);
    }

    public List<BlockView> latestBlocks(long below, int limit) {
        return jdbc.query("SELECT " + BLOCK_COLUMNS + " FROM block WHERE status = 'ACTIVE' AND height < ? "
                + "ORDER BY height DESC LIMIT ?", (rs, i) -> block(rs), below, limit);
    }

    /** Stale blocks (reorganised out), newest first, strictly before ({@code beforeHeight}, {@code beforeId}). */
    public List<BlockView> staleBlocks(long beforeHeight, byte[] beforeId, int limit) {
        return jdbc.query("SELECT " + BLOCK_COLUMNS + " FROM block WHERE status = 'STALE' AND "
                + "(height < ? OR (height = ? AND id > ?)) ORDER BY height DESC, id LIMIT ?",
                (rs, i) -> block(rs), beforeHeight, beforeHeight, beforeId, limit);
    }

    public Optional<BlockView> blockById(Hash256 id) {
        return jdbc.query("SELECT " + BLOCK_COLUMNS + " FROM block WHERE id = ?", (rs, i) -> block(rs),
                id.toArray()).stream().findFirst();
    }

    public Optional<BlockView> blockAtHeight(long height) {
        return jdbc.query("SELECT " + BLOCK_COLUMNS + " FROM block WHERE height = ? AND status = 'ACTIVE'",
                (rs, i) -> block(rs), height).stream().findFirst();
    }

    public List<TxView> blockTransactions(Hash256 blockId, int offset, int limit) {
        return jdbc.query("""
                SELECT t.txid, t.coinbase, t.sender, t.recipient, t.amount, t.fee, t.nonce, t.memo, t.raw,
                       b.id, b.height, t.tx_index, b.status, (SELECT tip_height FROM chain_cursor WHERE id = 1)
                FROM tx t JOIN block b ON b.id = t.block_id WHERE t.block_id = ?
                ORDER BY t.tx_index OFFSET ? LIMIT ?""", (rs, i) -> tx(rs, false, List.of()),
                blockId.toArray(), offset, limit);
    }

    /** The transaction: from its active block, else the mempool, else a stale block (one statement when in a block). */
    public Optional<TxView> transaction(Hash256 txid) {
        List<TxView> found = jdbc.query("""
                SELECT t.txid, t.coinbase, t.sender, t.recipient, t.amount, t.fee, t.nonce, t.memo, t.raw,
                       b.id, b.height, t.tx_index, b.status, (SELECT tip_height FROM chain_cursor WHERE id = 1),
                       EXISTS (SELECT 1 FROM mempool_tx m WHERE m.txid = t.txid),
                       ARRAY(SELECT encode(sb.id, 'hex') FROM tx st JOIN block sb ON sb.id = st.block_id
                             WHERE st.txid = t.txid AND sb.status = 'STALE' ORDER BY sb.height LIMIT 20)
                FROM tx t JOIN block b ON b.id = t.block_id WHERE t.txid = ?
                ORDER BY (b.status = 'ACTIVE') DESC, b.height DESC LIMIT 1""",
                (rs, i) -> tx(rs, rs.getBoolean(15), List.of((String[]) rs.getArray(16).getArray())), txid.toArray());
        if (!found.isEmpty()) {
            return Optional.of(found.getFirst());
        }
        // in no block (a stale one included): only the mempool can have it
        return jdbc.query("""
                SELECT txid, sender, recipient, amount, fee, nonce, raw FROM mempool_tx WHERE txid = ?""",
                (rs, i) -> {
                    byte[] raw = rs.getBytes(7);
                    return new TxView(HEX.formatHex(rs.getBytes(1)), false, address(rs.getBytes(2)),
                            address(rs.getBytes(3)), rs.getLong(4), rs.getLong(5), rs.getLong(6), null, raw.length,
                            new TxStatus(false, true, null, null, null, 0, null), HEX.formatHex(raw));
                }, txid.toArray()).stream().findFirst();
    }

    public AddressView address(Address address) {
        byte[] key = address.policyHash().toArray();
        long pending = jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM mempool_tx WHERE sender = ? OR recipient = ? LIMIT 10000) p",
                Long.class, key, key);
        return jdbc.query("SELECT balance, received, sent, tx_count FROM address_balance WHERE address = ?",
                (rs, i) -> new AddressView(AddressFormat.encode(address, hrp), rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4), pending), key).stream().findFirst()
                .orElse(new AddressView(AddressFormat.encode(address, hrp), 0, 0, 0, 0, pending));
    }

    /** History newest first, strictly before ({@code beforeHeight}, {@code beforeIndex}). */
    public List<HistoryEntry> history(Address address, long beforeHeight, int beforeIndex, int limit) {
        return jdbc.query("""
                SELECT height, tx_index, block_id, txid, direction, delta FROM address_history
                WHERE address = ? AND (height, tx_index) < (?, ?)
                ORDER BY height DESC, tx_index DESC LIMIT ?""",
                (rs, i) -> new HistoryEntry(rs.getLong(1), rs.getInt(2), HEX.formatHex(rs.getBytes(3)),
                        HEX.formatHex(rs.getBytes(4)), rs.getString(5), rs.getLong(6)),
                address.policyHash().toArray(), beforeHeight, beforeIndex, limit);
    }

    public List<ReorgView> reorgs(int limit) {
        return jdbc.query("""
                SELECT id, fork_id, fork_height, old_tip_id, old_tip_height, new_tip_id, new_tip_height, depth, closed, at_ms
                FROM reorg ORDER BY id DESC LIMIT ?""", (rs, i) -> {
                    byte[] newTip = rs.getBytes(6);
                    long newHeight = rs.getLong(7);
                    return new ReorgView(rs.getLong(1), HEX.formatHex(rs.getBytes(2)), rs.getLong(3),
                            HEX.formatHex(rs.getBytes(4)), rs.getLong(5), newTip == null ? null : HEX.formatHex(newTip),
                            rs.wasNull() ? null : newHeight, rs.getInt(8), rs.getBoolean(9), rs.getLong(10));
                }, limit);
    }

    /** Block ids and txids that start with {@code prefix} (lower-case hex, at least 2 digits), at most {@code limit} each. */
    public List<String[]> idsByPrefix(String prefix, int limit) {
        byte[] low = HEX.parseHex(prefix.substring(0, prefix.length() & ~1));
        String like = prefix + "%";
        List<String[]> out = new ArrayList<>();
        jdbc.query("SELECT id FROM block WHERE id >= ? AND encode(id, 'hex') LIKE ? ORDER BY id LIMIT ?",
                rs -> {
                    out.add(new String[] {"block", HEX.formatHex(rs.getBytes(1))});
                }, low, like, limit);
        jdbc.query("SELECT DISTINCT txid FROM tx WHERE txid >= ? AND encode(txid, 'hex') LIKE ? ORDER BY txid LIMIT ?",
                rs -> {
                    out.add(new String[] {"transaction", HEX.formatHex(rs.getBytes(1))});
                }, low, like, limit);
        return out;
    }

    private BlockView block(ResultSet rs) throws SQLException {
        long tip = rs.getLong(16);
        boolean active = "ACTIVE".equals(rs.getString(14));
        long height = rs.getLong(2);
        long reorg = rs.getLong(15);
        Long reorgId = rs.wasNull() ? null : reorg;
        return new BlockView(HEX.formatHex(rs.getBytes(1)), height, HEX.formatHex(rs.getBytes(3)), rs.getLong(4),
                String.format("%08x", rs.getInt(5)), rs.getBigDecimal(6).toBigInteger().toString(),
                rs.getBigDecimal(7).toBigInteger().toString(), rs.getInt(8), rs.getInt(9),
                HEX.formatHex(rs.getBytes(10)), HEX.formatHex(rs.getBytes(11)), Long.toUnsignedString(rs.getLong(12)),
                rs.getInt(13), rs.getString(14), active ? tip - height + 1 : 0, reorgId);
    }

    private TxView tx(ResultSet rs, boolean inMempool, List<String> stale) throws SQLException {
        long tip = rs.getLong(14);
        byte[] raw = rs.getBytes(9);
        boolean active = "ACTIVE".equals(rs.getString(13));
        long height = rs.getLong(11);
        byte[] sender = rs.getBytes(3);
        TxStatus status = new TxStatus(active, inMempool, HEX.formatHex(rs.getBytes(10)), height, rs.getInt(12),
                active ? tip - height + 1 : 0, stale.isEmpty() ? null : stale);
        return new TxView(HEX.formatHex(rs.getBytes(1)), rs.getBoolean(2), sender == null ? null : address(sender),
                address(rs.getBytes(4)), rs.getLong(5), rs.getLong(6), rs.getLong(7), HEX.formatHex(rs.getBytes(8)),
                raw.length, status, HEX.formatHex(raw));
    }

    private String address(byte[] policyHash) {
        return AddressFormat.encode(new Address(Hash256.of(policyHash)), hrp);
    }
}
