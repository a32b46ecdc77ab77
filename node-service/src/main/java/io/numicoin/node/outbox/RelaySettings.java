package io.numicoin.node.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the relay runs.
 *
 * @param producerProperties Kafka client settings (bootstrap servers, security); the relay adds its own
 *     delivery settings on top ({@link OutboxRelay#producerSettings})
 * @param adminProperties settings for creating the topics
 * @param batchRows most rows read and sent per round
 * @param batchBytes most payload bytes read per round (a larger single row is still sent)
 * @param poll how long to wait for a wake-up before looking at the table anyway
 * @param backoffInitial first wait after a failed round; doubles up to {@code backoffMax}
 * @param sendTimeout how long a round waits for Kafka's acknowledgements
 */
public record RelaySettings(
        Map<String, Object> producerProperties,
        Map<String, Object> adminProperties,
        List<TopicSpec> topics,
        int batchRows,
        long batchBytes,
        Duration poll,
        Duration backoffInitial,
        Duration backoffMax,
        Duration sendTimeout) {

    public RelaySettings {
        producerProperties = Map.copyOf(producerProperties);
        adminProperties = Map.copyOf(adminProperties);
        topics = List.copyOf(topics);
    }
}
