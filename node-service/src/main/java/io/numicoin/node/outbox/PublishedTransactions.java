package io.numicoin.node.outbox;

import io.numicoin.protocol.hash.Hash256;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The txids this node has written to {@code numi.tx.v1} (table {@code published_tx}), so an identical
 * submission writes no second event, also after a restart. {@link #claim} runs in the transaction
 * that appends the event: the primary key decides ({@code ON CONFLICT DO NOTHING}), and a rolled-back
 * append releases the claim with it. Rows older than {@link #HORIZON} (the mempool keeps a transfer
 * at most 14 days, {@code numi.pool.max-age}) are pruned a batch at a time as new ones are claimed.
 */
public final class PublishedTransactions {

    /** How long a published txid is remembered: past the mempool's max-age, a repeat is a new offer anyway. */
    public static final Duration HORIZON = Duration.ofDays(15);
    private static final int PRUNE_BATCH = 100;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PublishedTransactions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims {@code txid} for one event; false if it was published already (within the horizon). */
    public boolean claim(Hash256 txid) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("PublishedTransactions.claim must run inside the transaction that appends the event");
        }
        long now = clock.millis();
        jdbc.update("DELETE FROM published_tx WHERE txid IN (SELECT txid FROM published_tx WHERE published_ms < ? "
                + "ORDER BY published_ms LIMIT " + PRUNE_BATCH + ")", now - HORIZON.toMillis());
        return jdbc.update("INSERT INTO published_tx (txid, published_ms) VALUES (?, ?) ON CONFLICT (txid) DO NOTHING",
                txid.toArray(), now) == 1;
    }
}
