package io.numicoin.explorer.store;

import io.numicoin.events.MempoolEvent;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.tx.TransferTx;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mempool as {@code numi.mempool.v1} reports it: an accepted transaction is added unless an
 * active block already holds it (the removal may come later, or never), a removed one deleted.
 * Both are idempotent; a removal of a transaction never seen is a no-op (docs/events.md, rule 6).
 */
public final class PostgresMempoolStore {

    private final JdbcTemplate jdbc;

    public PostgresMempoolStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void accepted(MempoolEvent.Accepted accepted) {
        TransferTx t = accepted.tx();
        byte[] raw = TransactionCodec.encode(t);
        jdbc.update("""
                INSERT INTO mempool_tx (txid, sender, recipient, amount, fee, nonce, fee_rate, size, raw, accepted_ms)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM tx JOIN block ON block.id = tx.block_id
                                  WHERE tx.txid = ? AND block.status = 'ACTIVE')
                ON CONFLICT (txid) DO NOTHING""",
                accepted.txid().toArray(), t.sender().policyHash().toArray(), t.recipient().policyHash().toArray(),
                t.amount().units(), t.fee().units(), t.nonce(), accepted.feeRate(), raw.length, raw,
                accepted.meta().createdAtMillis(), accepted.txid().toArray());
    }

    public void removed(MempoolEvent.Removed removed) {
        jdbc.update("DELETE FROM mempool_tx WHERE txid = ?", removed.txid().toArray());
    }
}
