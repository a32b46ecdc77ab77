package io.numicoin.pool.ledger;

import io.numicoin.pool.pplns.Pplns;
import io.numicoin.pool.pplns.PplnsSplit;
import io.numicoin.pool.pplns.WeightedShare;
import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pool's PostgreSQL ledger (Flyway {@code db/pool}): accepted shares; found blocks with their
 * PPLNS credits computed once, when the block is found, from the shares recorded up to it; payouts
 * and the credits each one pays.
 */
public final class PoolLedger {

    private static final int FETCH = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public PoolLedger(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Records an accepted share; its id orders it in the PPLNS window. */
    public long recordShare(String address, String worker, long difficulty, long height, String jobId, Hash256 powHash) {
        Long id = jdbc.queryForObject("INSERT INTO share (address, worker, difficulty, height, job_id, pow_hash) VALUES (?,?,?,?,?,?) "
                + "RETURNING id", Long.class, address, worker, difficulty, height, jobId, powHash.toArray());
        return id == null ? -1 : id;
    }

    /**
     * Records a found block and its credits: the PPLNS window ends at {@code lastShareId} (the
     * solving share). Idempotent per block id.
     */
    public PplnsSplit recordBlock(Hash256 blockId, long height, long reward, String finder, long lastShareId, Pplns pplns,
            BlockStatus status, String detail) {
        return tx.execute(t -> {
            List<WeightedShare> window = jdbc.query(con -> {
                var ps = con.prepareStatement("SELECT id, address, difficulty FROM share WHERE id <= ? ORDER BY id DESC");
                ps.setFetchSize(FETCH);
                ps.setLong(1, lastShareId);
                return ps;
            }, rs -> {
                List<WeightedShare> shares = new ArrayList<>();
                long total = 0;
                while (total < pplns.windowWeight() && rs.next()) {
                    WeightedShare s = new WeightedShare(rs.getLong(1), rs.getString(2), rs.getLong(3));
                    shares.add(s);
                    total += s.difficulty();
                }
                return shares;
            });
            PplnsSplit split = pplns.split(window.iterator(), reward);
            int inserted = jdbc.update("INSERT INTO found_block (block_id, height, reward, pool_fee, window_weight, first_share_id, "
                    + "last_share_id, finder, status, detail) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (block_id) DO NOTHING",
                    blockId.toArray(), height, reward, split.fee(), split.windowWeight(), split.firstShareId(), split.lastShareId(),
                    finder, status.name(), detail);
            if (inserted == 1) {
                for (Map.Entry<String, Long> e : split.weights().entrySet()) {
                    jdbc.update("INSERT INTO credit (block_id, address, weight, amount) VALUES (?,?,?,?)", blockId.toArray(),
                            e.getKey(), e.getValue(), split.amounts().get(e.getKey()));
                }
            }
            return split;
        });
    }

    /** A found block's id and height, for the maturity checks. */
    public record PendingBlock(Hash256 id, long height) {
    }

    public List<PendingBlock> blocks(BlockStatus status) {
        return jdbc.query("SELECT block_id, height FROM found_block WHERE status = ? ORDER BY height", (rs, n) ->
                new PendingBlock(Hash256.of(rs.getBytes(1)), rs.getLong(2)), status.name());
    }

    public void markBlock(Hash256 id, BlockStatus status, String detail) {
        jdbc.update("UPDATE found_block SET status = ?, detail = ? WHERE block_id = ?", status.name(), detail, id.toArray());
    }

    /** Per address, the unpaid credits of mature blocks (units). */
    public Map<String, Long> unpaidMature() {
        Map<String, Long> due = new java.util.TreeMap<>();
        jdbc.query("SELECT c.address, SUM(c.amount) FROM credit c JOIN found_block b ON b.block_id = c.block_id "
                + "WHERE b.status = 'MATURE' AND c.payout_id IS NULL GROUP BY c.address", rs -> {
                    due.put(rs.getString(1), rs.getLong(2));
                });
        return due;
    }

    /**
     * Records a payout sent to the node and ties the address's unpaid mature credits to it, in one
     * transaction; the credits' sum must still be {@code amount + fee} (else nothing is recorded).
     */
    public boolean recordPayout(String address, long amount, long fee, long nonce, long expiryHeight, Hash256 txid) {
        Boolean done = tx.execute(t -> {
            Long id = jdbc.queryForObject("INSERT INTO payout (address, amount, fee, nonce, expiry_height, txid, status) "
                    + "VALUES (?,?,?,?,?,?,'SENT') RETURNING id", Long.class, address, amount, fee, nonce, expiryHeight, txid.toArray());
            jdbc.update("UPDATE credit c SET payout_id = ? FROM found_block b WHERE b.block_id = c.block_id AND b.status = 'MATURE' "
                    + "AND c.payout_id IS NULL AND c.address = ?", id, address);
            Long sum = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM credit WHERE payout_id = ?", Long.class, id);
            if (sum == null || sum != amount + fee) {
                t.setRollbackOnly();
                return false;
            }
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** A payout the node has not put in a block yet. */
    public record SentPayout(long id, String address, Hash256 txid, long nonce, long expiryHeight) {
    }

    public List<SentPayout> sentPayouts() {
        return jdbc.query("SELECT id, address, txid, nonce, expiry_height FROM payout WHERE status = 'SENT' ORDER BY id",
                (rs, n) -> new SentPayout(rs.getLong(1), rs.getString(2), Hash256.of(rs.getBytes(3)), rs.getLong(4), rs.getLong(5)));
    }

    public void confirmPayout(long id) {
        jdbc.update("UPDATE payout SET status = 'CONFIRMED' WHERE id = ? AND status = 'SENT'", id);
    }

    /** The payout failed: its credits are unpaid again. */
    public void failPayout(long id, String detail) {
        tx.executeWithoutResult(t -> {
            jdbc.update("UPDATE payout SET status = 'FAILED', detail = ? WHERE id = ?", detail, id);
            jdbc.update("UPDATE credit SET payout_id = NULL WHERE payout_id = ?", id);
        });
    }
}
