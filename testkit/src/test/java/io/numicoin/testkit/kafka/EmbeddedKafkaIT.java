package io.numicoin.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One broker for the class; each test uses its own topic. */
class EmbeddedKafkaIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void launch() {
        long started = System.nanoTime();
        kafka = EmbeddedKafka.launch();
        System.out.printf("embedded Kafka launched in %d ms at %s%n",
                (System.nanoTime() - started) / 1_000_000, kafka.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
        assertThat(kafka.logDir()).doesNotExist();
    }

    @Test
    void idempotentProducerRecordsArriveOncePerPartitionInOrder() throws Exception {
        String topic = "numi.test-idempotent.v1";
        kafka.createTopic(topic, 3, Map.of());

        try (KafkaProducer<String, String> producer = stringProducer(Map.of())) {
            for (int i = 0; i < 60; i++) {
                producer.send(new ProducerRecord<>(topic, i % 3, "k" + i, "v" + i));
            }
            producer.flush();
        }

        List<ConsumerRecord<String, String>> received = consumeFromStart(topic, 60);
        assertThat(received).hasSize(60);
        for (int partition = 0; partition < 3; partition++) {
            int p = partition;
            List<String> values = received.stream().filter(r -> r.partition() == p).map(ConsumerRecord::value).toList();
            List<String> expected = new ArrayList<>();
            for (int i = p; i < 60; i += 3) {
                expected.add("v" + i);
            }
            assertThat(values).as("partition %d", p).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void threeMebibyteRecordRoundTrips() throws Exception {
        String topic = "numi.test-large.v1";
        kafka.createTopic(topic, 1, Map.of());
        byte[] payload = new byte[3 * 1024 * 1024];
        new Random(20260101L).nextBytes(payload);

        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(Map.of(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, EmbeddedKafka.MAX_MESSAGE_BYTES)),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            RecordMetadata meta = producer.send(new ProducerRecord<>(topic, payload)).get(30, TimeUnit.SECONDS);
            assertThat(meta.offset()).isZero();
        }

        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            List<byte[]> values = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            assertThat(values).hasSize(1);
            assertThat(values.getFirst()).isEqualTo(payload);
        }
    }

    @Test
    void outageFailsSendsAndConsumerReceivesEverythingAfterRestart() throws Exception {
        String topic = "numi.test-outage.v1";
        kafka.createTopic(topic, 1, Map.of());
        String address = kafka.bootstrapServers();

        try (KafkaProducer<String, String> producer = stringProducer(Map.of(
                     ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000,
                     ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                     ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1_500));
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(groupConsumerProps(),
                     new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            producer.send(new ProducerRecord<>(topic, "before", "before")).get(10, TimeUnit.SECONDS);
            assertThat(pollValues(consumer, 1)).containsExactly("before");

            long stopping = System.nanoTime();
            kafka.stop();
            System.out.printf("embedded Kafka stopped in %d ms%n", (System.nanoTime() - stopping) / 1_000_000);
            assertThat(kafka.isRunning()).isFalse();
            Future<RecordMetadata> lost = producer.send(new ProducerRecord<>(topic, "during", "during"));
            assertThatThrownBy(() -> lost.get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);

            long restarted = System.nanoTime();
            kafka.start();
            System.out.printf("embedded Kafka restarted in %d ms%n", (System.nanoTime() - restarted) / 1_000_000);
            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            awaitMetadata(producer, topic);

            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, "after-" + i, "after-" + i)).get(30, TimeUnit.SECONDS);
                expected.add("after-" + i);
            }
            System.out.printf("sent after restart in %d ms%n", (System.nanoTime() - restarted) / 1_000_000);
            assertThat(pollValues(consumer, 20)).containsExactlyElementsOf(expected);
            System.out.printf("received after restart in %d ms%n", (System.nanoTime() - restarted) / 1_000_000);
        }
    }

    /**
     * Waits until the restarted broker has elected the topic's leader: the producer's sends block at
     * most max.block.ms (1 s) for metadata, which a loaded machine can take longer than to elect.
     */
    private static void awaitMetadata(KafkaProducer<String, String> producer, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                producer.partitionsFor(topic);
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static List<String> pollValues(KafkaConsumer<String, String> consumer, int count) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (values.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
        }
        return values;
    }

    private static List<ConsumerRecord<String, String>> consumeFromStart(String topic, int count) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(groupConsumerProps(),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static KafkaProducer<String, String> stringProducer(Map<String, Object> extra) {
        return new KafkaProducer<>(producerProps(extra), new StringSerializer(), new StringSerializer());
    }

    private static Map<String, Object> producerProps(Map<String, Object> extra) {
        Map<String, Object> props = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0));
        props.putAll(extra);
        return props;
    }

    private static Map<String, Object> consumerProps() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, EmbeddedKafka.MAX_MESSAGE_BYTES,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, EmbeddedKafka.MAX_MESSAGE_BYTES * 2);
    }

    private static Map<String, Object> groupConsumerProps() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "g-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }
}
