package io.numicoin.node.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@link OutboxWriter} over the {@code outbox} table. It refuses to run outside a transaction
 * (an event must commit with its change) and wakes the relay after that transaction commits.
 * Rows are numbered by the gap-free {@link OutboxCounters#OUTBOX} counter, so the relay sees them
 * in commit order.
 */
public final class JdbcOutboxWriter implements OutboxWriter {

    private final JdbcTemplate jdbc;
    private final OutboxCounters counters;
    private final OutboxSignal signal;

    public JdbcOutboxWriter(JdbcTemplate jdbc, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.counters = new OutboxCounters(jdbc);
        this.signal = signal;
    }

    @Override
    public long append(String topic, byte[] key, byte[] payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("OutboxWriter.append must run inside the transaction that makes the change");
        }
        long seq = counters.next(OutboxCounters.OUTBOX);
        jdbc.update("INSERT INTO outbox (seq, topic, record_key, payload) VALUES (?, ?, ?, ?)", seq, topic, key, payload);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.wake();
            }
        });
        return seq;
    }

    /** The next number of a topic's own event sequence (inside the same transaction as {@link #append}). */
    public long nextSequence(String topic) {
        return counters.next(topic);
    }
}
