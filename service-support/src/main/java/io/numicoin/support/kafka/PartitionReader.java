package io.numicoin.support.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one partition of a topic from its start to the end it had when reading began, without a
 * consumer group (assign, not subscribe): what checkers and tests use to see a whole stream. Records
 * are fetched up to 4 MiB per partition and 8 MiB per fetch (a block event carries a whole block).
 */
public final class PartitionReader {

    private PartitionReader() {
    }

    /**
     * Every record of {@code topic}'s partition {@code partition} up to its end offset at the start,
     * in offset order; stops early (returning what it has) if {@code timeout} passes first.
     */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic, int partition, Duration timeout) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20, ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 << 20);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition assigned = new TopicPartition(topic, partition);
            consumer.assign(List.of(assigned));
            consumer.seekToBeginning(List.of(assigned));
            long end = consumer.endOffsets(List.of(assigned)).get(assigned);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(assigned) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** The values of {@link #readAll}. */
    public static List<byte[]> readValues(String bootstrapServers, String topic, int partition, Duration timeout) {
        return readAll(bootstrapServers, topic, partition, timeout).stream().map(ConsumerRecord::value).toList();
    }
}
