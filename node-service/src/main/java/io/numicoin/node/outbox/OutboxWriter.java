package io.numicoin.node.outbox;

/**
 * Appends an event to the outbox table. Must be called inside the database transaction that
 * makes the change the event describes, so the event exists if and only if the change does;
 * the relay publishes it to Kafka after commit, in append order.
 */
public interface OutboxWriter {

    /**
     * @param key the Kafka record key (null for none)
     * @return the outbox sequence number given to the event
     */
    long append(String topic, byte[] key, byte[] payload);
}
