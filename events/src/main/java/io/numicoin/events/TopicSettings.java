package io.numicoin.events;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a topic is created: its partition count and the topic-level configs. The replication factor
 * is the cluster's business (1 on an embedded broker, 3 in production) and is not here.
 *
 * @param maxMessageBytes Kafka's {@code max.message.bytes}: the largest record batch the broker accepts
 */
public record TopicSettings(
        String name, int partitions, int maxMessageBytes, Duration retention, CleanupPolicy cleanupPolicy) {

    /** Kafka's {@code cleanup.policy}. */
    public enum CleanupPolicy {
        DELETE("delete"),
        COMPACT("compact");

        private final String config;

        CleanupPolicy(String config) {
            this.config = config;
        }

        public String config() {
            return config;
        }
    }

    public TopicSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        if (maxMessageBytes < 1 || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("max.message.bytes and retention must be positive");
        }
    }

    /** The topic-level configs to pass to Kafka's {@code NewTopic.configs}. */
    public Map<String, String> configs() {
        return Map.of(
                "max.message.bytes", Integer.toString(maxMessageBytes),
                "retention.ms", Long.toString(retention.toMillis()),
                "cleanup.policy", cleanupPolicy.config());
    }
}
