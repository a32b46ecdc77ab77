package io.numicoin.devnet.kafka;

import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.util.Map;

/**
 * The devnet's Kafka: a real single-node KRaft broker (controller and broker in one) inside the
 * launcher's JVM, so it can never outlive the launcher. It is testkit's {@link EmbeddedKafka} with
 * a kept log directory: formatted once (what {@code kafka-storage.sh format} does) and reused
 * between runs, with every topic and offset.
 */
public final class DevnetKafka implements AutoCloseable {

    /** A devnet keeps a week of events at most. */
    private static final Map<String, String> BROKER_SETTINGS = Map.of("log.retention.hours", "168");

    private final EmbeddedKafka broker;

    private DevnetKafka(EmbeddedKafka broker) {
        this.broker = broker;
    }

    /** Formats {@code logDir} if it is new, then starts the broker; returns once it accepts clients. */
    public static DevnetKafka start(Path logDir, int brokerPort, int controllerPort) {
        return new DevnetKafka(EmbeddedKafka.persistent(logDir, brokerPort, controllerPort, BROKER_SETTINGS));
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Stops the broker (clients lose their connections), keeping its port and log directory for {@link #start()}. */
    public void stop() {
        broker.stop();
    }

    /** Starts a stopped broker again; returns once it accepts clients. */
    public void start() {
        broker.start();
    }

    @Override
    public void close() {
        broker.close();
    }
}
