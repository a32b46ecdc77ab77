package io.numicoin.node.outbox;

import io.numicoin.protocol.hash.Hash256;
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
        return insert(topic, key, payload, null);
    }

    /**
     * Appends a record whose value is {@code head} followed by the stored body of {@code block}
     * ({@code block_body.body}, which must be written in the same transaction): the relay appends
     * the body when it publishes, so the block's bytes are stored once.
     */
    public long appendEndingWithBody(String topic, byte[] key, byte[] head, Hash256 block) {
        return insert(topic, key, head, block.toArray());
    }

    private long insert(String topic, byte[] key, byte[] payload, byte[] tailBlock) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("OutboxWriter.append must run inside the transaction that makes the change");
        }
        long seq = counters.next(OutboxCounters.OUTBOX);
        jdbc.update("INSERT INTO outbox (seq, topic, record_key, payload, payload_tail_block) VALUES (?, ?, ?, ?, ?)",
                seq, topic, key, payload, tailBlock);
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
