package io.numicoin.miner.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.EventMeta;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The miner's {@code numi.chain.v1} listener on a real broker: a handler that throws does not end the subscription. */
class ChainTipListenerIT {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();
    private static EmbeddedKafka kafka;
    private static KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    static void broker() {
        kafka = EmbeddedKafka.launch();
        kafka.createTopic(Topics.CHAIN, 1, Map.of());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
        kafka.close();
    }

    @Test
    void handlerExceptionsAndErrorsDoNotEndTheSubscription() throws Exception {
        List<Long> tips = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        ChainTipListener listener = new ChainTipListener(kafka.bootstrapServers(), CHAIN.params().chainId(), (Hash256 id, Long height) -> {
            switch (calls.incrementAndGet()) {
                case 1 -> throw new IllegalStateException("the job failed on this tip");
                case 2 -> throw new AssertionError("an error, not an exception");
                default -> tips.add(height);
            }
        });
        listener.start();
        try {
            List<Block> blocks = CHAIN.extend(CHAIN.genesis(), 40, 1);
            AtomicInteger next = new AtomicInteger();
            // The listener reads from the end of the topic: keep publishing until its handler has run three times.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                Block block = blocks.get(next.getAndIncrement() % blocks.size());
                BlockConnected event = BlockConnected.of(new EventMeta(CHAIN.params().chainId(), next.get(), 1),
                        BigInteger.valueOf(block.height() + 1), block);
                producer.send(new ProducerRecord<>(Topics.CHAIN, ChainEventCodec.key(event), ChainEventCodec.encode(event))).get();
                return !tips.isEmpty();
            });
            assertThat(calls.get()).isGreaterThanOrEqualTo(3);
            assertThat(listener.isRunning()).isTrue();
        } finally {
            listener.stop();
        }
    }
}
