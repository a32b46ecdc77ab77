package io.numicoin.node.outbox;

import java.time.Instant;

/** One row of {@code outbox}: a Kafka record waiting to be published. */
public record OutboxRow(long seq, String topic, byte[] key, byte[] payload, Instant createdAt) {
}
