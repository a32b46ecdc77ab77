package io.numicoin.miner.events;

import io.numicoin.events.ChainEvent;
import io.numicoin.events.EventDecodeException;
import io.numicoin.events.Topics;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.support.retry.Backoff;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows {@code numi.chain.v1} from its end (a miner only cares about tips from now on) and reports
 * each event's tip after ({@code tipIdAfter}, {@code tipHeightAfter}) to the mining job. Its own
 * consumer group per process, so every miner sees every event; no offsets are committed. Events of
 * another chain id are ignored; undecodable ones are logged and skipped. Nothing ends the
 * subscription but {@link #stop()}: an exception (or error) thrown by the tip handler is logged and
 * the next event is handled, and a failing poll is retried with backoff (100 ms doubling to 10 s).
 */
public final class ChainTipListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainTipListener.class);

    private final Map<String, Object> connection;
    private final int chainId;
    private final BiConsumer<Hash256, Long> onTip;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    public ChainTipListener(String bootstrapServers, int chainId, BiConsumer<Hash256, Long> onTip) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), chainId, onTip);
    }

    /**
     * @param connection how to reach the brokers (Spring's {@code spring.kafka.*} consumer properties:
     *     bootstrap servers, security protocol, SASL, TLS); group, offsets, fetch sizes and deserialisers
     *     are the listener's own
     */
    public ChainTipListener(Map<String, Object> connection, int chainId, BiConsumer<Hash256, Long> onTip) {
        this.connection = new HashMap<>(connection);
        this.chainId = chainId;
        this.onTip = onTip;
    }

    /** The consumer's configuration: the connection's, with the listener's own settings over it. */
    Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(connection);
        config.keySet().removeIf(key -> key.endsWith(".deserializer"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "numi-miner-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, ChainEventCodec.MAX_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, ChainEventCodec.MAX_BYTES);
        return config;
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.CHAIN));
        running = true;
        thread = Thread.ofPlatform().name("chain-tip-listener").start(this::poll);
    }

    private void poll() {
        Backoff retries = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
        try {
            while (running) {
                try {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        handle(record.value());
                    }
                    retries.succeeded();
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    Duration delay = retries.failed();
                    log.warn("polling {} failed; retrying in {} ms: {}", Topics.CHAIN, delay.toMillis(), e.toString());
                    Thread.sleep(delay);
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(byte[] value) {
        ChainEvent event;
        try {
            event = ChainEventCodec.decode(value);
        } catch (EventDecodeException e) {
            log.warn("skipping an undecodable {} record: {}", Topics.CHAIN, e.getMessage());
            return;
        }
        if (event.meta().chainId() != chainId) {
            return;
        }
        try {
            onTip.accept(event.tipIdAfter(), event.tipHeightAfter());
        } catch (RuntimeException | Error e) {
            // The subscription outlives any handler failure: the next tip must still reach the job.
            log.error("handling tip {} at height {} failed; still following {}", event.tipIdAfter(), event.tipHeightAfter(),
                    Topics.CHAIN, e);
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
