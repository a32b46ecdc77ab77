package io.numicoin.pool.ledger;

import io.numicoin.pool.ledger.LedgerViews.CreditView;
import io.numicoin.pool.ledger.LedgerViews.FoundBlockView;
import io.numicoin.pool.ledger.LedgerViews.MinerLedger;
import io.numicoin.pool.ledger.LedgerViews.PayoutView;
import io.numicoin.pool.ledger.LedgerViews.ShareView;
import io.numicoin.pool.ledger.LedgerViews.Totals;
import io.numicoin.protocol.bytes.Bytes;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads of the ledger for the API and the statistics page; every list is bounded by {@code limit}. */
public final class LedgerQueries {

    private final JdbcTemplate jdbc;

    public LedgerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<FoundBlockView> blocks(int limit) {
        return jdbc.query("SELECT block_id, height, reward, pool_fee, window_weight, first_share_id, last_share_id, finder, status, "
                + "detail, found_at FROM found_block ORDER BY found_at DESC, height DESC LIMIT ?", (rs, n) -> new FoundBlockView(
                Bytes.of(rs.getBytes(1)).toHex(), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant()), limit);
    }

    public MinerLedger miner(String address, int limit) {
        List<CreditView> credits = jdbc.query("SELECT b.block_id, b.height, b.status, b.reward, b.pool_fee, b.window_weight, "
                + "b.first_share_id, b.last_share_id, c.weight, c.amount, c.payout_id FROM credit c JOIN found_block b "
                + "ON b.block_id = c.block_id WHERE c.address = ? ORDER BY b.height DESC LIMIT ?", (rs, n) -> new CreditView(
                Bytes.of(rs.getBytes(1)).toHex(), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), (Long) rs.getObject(11)), address, limit);
        Long unpaid = jdbc.queryForObject("SELECT COALESCE(SUM(c.amount), 0) FROM credit c JOIN found_block b ON b.block_id = c.block_id "
                + "WHERE c.address = ? AND c.payout_id IS NULL AND b.status IN ('SUBMITTED', 'MATURE')", Long.class, address);
        Long paid = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM payout WHERE address = ? AND status <> 'FAILED'",
                Long.class, address);
        return new MinerLedger(address, unpaid == null ? 0 : unpaid, paid == null ? 0 : paid, credits, payouts(address, limit));
    }

    /** The address's shares with ids in [from, to]: a block's window, to check a credit against. */
    public List<ShareView> shares(String address, long from, long to, int limit) {
        return jdbc.query("SELECT id, worker, difficulty, height, job_id, pow_hash, submitted_at FROM share WHERE address = ? "
                + "AND id BETWEEN ? AND ? ORDER BY id LIMIT ?", (rs, n) -> new ShareView(rs.getLong(1), rs.getString(2), rs.getLong(3),
                rs.getLong(4), rs.getString(5), Bytes.of(rs.getBytes(6)).toHex(), rs.getTimestamp(7).toInstant()), address, from, to, limit);
    }

    public List<PayoutView> payouts(String address, int limit) {
        String where = address == null ? "" : "WHERE address = ? ";
        Object[] args = address == null ? new Object[] {limit} : new Object[] {address, limit};
        return jdbc.query("SELECT id, address, amount, fee, nonce, txid, status, detail, created_at FROM payout " + where
                + "ORDER BY id DESC LIMIT ?", (rs, n) -> new PayoutView(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), Bytes.of(rs.getBytes(6)).toHex(), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()), args);
    }

    public Totals totals() {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM found_block WHERE status <> 'REJECTED'), "
                + "(SELECT COUNT(*) FROM found_block WHERE status = 'MATURE'), (SELECT COUNT(*) FROM found_block WHERE status = 'ORPHANED'), "
                + "(SELECT COALESCE(SUM(amount), 0) FROM payout WHERE status = 'CONFIRMED'), (SELECT COUNT(*) FROM payout WHERE status <> 'FAILED')",
                (rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    }
}
