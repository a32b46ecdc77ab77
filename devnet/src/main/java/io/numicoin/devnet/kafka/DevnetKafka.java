package io.numicoin.devnet.kafka;

import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

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
        return withLaunchersClassLoader(() -> new DevnetKafka(EmbeddedKafka.persistent(logDir, brokerPort, controllerPort, BROKER_SETTINGS)));
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Stops the broker (clients lose their connections), keeping its port and log directory for {@link #start()}. */
    public void stop() {
        withLaunchersClassLoader(() -> {
            broker.stop();
            return null;
        });
    }

    /** Starts a stopped broker again (from any thread); returns once it accepts clients. */
    public void start() {
        withLaunchersClassLoader(() -> {
            broker.start();
            return null;
        });
    }

    /**
     * Runs {@code action} with this class's loader as the thread's context class loader. Kafka loads
     * configured classes (the share-state persister, ...) through the context loader; in the
     * launcher's executable jar the classes are in a nested-jar loader, while a pool thread (the chaos
     * run's fault schedule) has the system loader as its context: a broker restarted from there
     * failed with {@code ClassNotFoundException: ...DefaultStatePersister}.
     */
    private static <T> T withLaunchersClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(DevnetKafka.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
