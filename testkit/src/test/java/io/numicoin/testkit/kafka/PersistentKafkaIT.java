package io.numicoin.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** A kept broker (the devnet's): its log directory survives close, and a new broker on it finds every record. */
class PersistentKafkaIT {

    @Test
    void aSecondBrokerOnTheKeptLogDirectoryFindsTheRecords() throws Exception {
        Path dir = Files.createTempDirectory("numi-kept-kafka-").resolve("kafka");
        String topic = "numi.test-kept.v1";
        try {
            int[] ports = LoopbackPorts.twoFreePorts();
            try (EmbeddedKafka first = EmbeddedKafka.persistent(dir, ports[0], ports[1], Map.of())) {
                first.createTopic(topic, 1);
                try (KafkaProducer<String, String> producer = producer(first)) {
                    producer.send(new ProducerRecord<>(topic, "k", "kept")).get();
                }
            }
            assertThat(dir.resolve("meta.properties")).exists();

            int[] again = LoopbackPorts.twoFreePorts();
            try (EmbeddedKafka second = EmbeddedKafka.persistent(dir, again[0], again[1], Map.of())) {
                assertThat(values(second, topic, 1)).containsExactly("kept");
            }
            assertThat(dir).exists();
        } finally {
            Utils.delete(dir.getParent().toFile());
        }
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafka kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static List<String> values(EmbeddedKafka kafka, String topic, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "numi-kept-test");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
