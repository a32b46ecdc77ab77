package io.numicoin.testkit.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker running inside the test JVM: one node that is both KRaft controller
 * and broker ({@code kafka.server.KafkaRaftServer}), listening on 127.0.0.1 on a port chosen at
 * launch, with its data in a temporary directory that {@link #close()} deletes.
 *
 * <p>{@link #stop()} shuts the broker down and {@link #start()} brings it back on the SAME port
 * with the SAME log directory, so a test can simulate an outage: clients see the broker vanish,
 * then reconnect to the same address and find every topic and committed record still there.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.launch()) {
 *     kafka.createTopic("numi.blocks.v1", 3, Map.of());
 *     producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 *     ...
 * }
 * }</pre>
 *
 * <p>Records up to {@link #MAX_MESSAGE_BYTES} (record batch size) are accepted; clients must raise
 * their own limits ({@code max.request.size} on producers) to send large ones.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** The broker's {@code message.max.bytes}: 4 MiB, room for a 2 MiB block with framing. */
    public static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    private static final int LAUNCH_ATTEMPTS = 3;

    private final BrokerSettings settings;
    /** Deletes a temporary log directory at exit; null for a kept one ({@link #persistent}). */
    private final Thread deleteAtExit;
    private KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafka(BrokerSettings settings, boolean temporary) {
        this.settings = settings;
        if (temporary) {
            this.deleteAtExit = new Thread(() -> KafkaLogDir.deleteQuietly(settings.logDir()), "numi-kafka-cleanup");
            Runtime.getRuntime().addShutdownHook(deleteAtExit);
        } else {
            this.deleteAtExit = null;
        }
    }

    /** Formats a new log directory and starts a broker with the default settings. */
    public static EmbeddedKafka launch() {
        return launch(Map.of());
    }

    /**
     * Formats a new log directory and starts a broker; {@code brokerOverrides} are broker configs
     * (e.g. {@code auto.create.topics.enable=false}) applied over the defaults.
     */
    public static EmbeddedKafka launch(Map<String, String> brokerOverrides) {
        RuntimeException lastBindFailure = null;
        for (int attempt = 0; attempt < LAUNCH_ATTEMPTS; attempt++) {
            Path logDir = KafkaLogDir.create();
            int[] ports = LoopbackPorts.twoFreePorts();  // broker and controller: never the same port
            BrokerSettings settings = new BrokerSettings(ports[0], ports[1], logDir, brokerOverrides);
            EmbeddedKafka kafka = new EmbeddedKafka(settings, true);
            try {
                KafkaLogDir.format(logDir);
                kafka.start();
                return kafka;
            } catch (RuntimeException e) {
                try {
                    kafka.close();
                } catch (RuntimeException closeFailure) {
                    e.addSuppressed(closeFailure);
                }
                if (!causedByBindFailure(e)) {
                    throw e;
                }
                lastBindFailure = e; // another process took a port between probe and bind: retry
            }
        }
        throw new IllegalStateException("embedded Kafka could not bind a port on 127.0.0.1 after "
                + LAUNCH_ATTEMPTS + " attempts", lastBindFailure);
    }

    /**
     * Starts a broker whose data is KEPT in {@code logDir} (formatted on first use, reused after):
     * fixed ports, every topic and offset still there on the next start, nothing deleted by
     * {@link #close()}. What the local devnet runs; tests use {@link #launch()}.
     */
    public static EmbeddedKafka persistent(Path logDir, int brokerPort, int controllerPort, Map<String, String> brokerOverrides) {
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            try {
                Files.createDirectories(logDir);
            } catch (IOException e) {
                throw new UncheckedIOException("could not create Kafka log dir " + logDir, e);
            }
            KafkaLogDir.format(logDir);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(new BrokerSettings(brokerPort, controllerPort, logDir, brokerOverrides), false);
        kafka.start();
        return kafka;
    }

    /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}; the same before and after a restart. */
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    /** The broker's client port on 127.0.0.1. */
    public int port() {
        return settings.brokerPort();
    }

    /** The broker's data directory (deleted by {@link #close()} unless {@link #persistent}). */
    public Path logDir() {
        return settings.logDir();
    }

    /** Whether the broker is up (started and not stopped). */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Starts the broker on its port and log directory; returns once it accepts clients.
     * Does nothing if it is already running.
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("embedded Kafka at " + bootstrapServers() + " is closed");
        }
        if (server != null) {
            return;
        }
        KafkaConfig config = KafkaConfig.fromProps(settings.toProperties(), false);
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            raftServer.startup();
        } catch (RuntimeException e) {
            try {
                shutDown(raftServer);
            } catch (RuntimeException shutdownFailure) {
                e.addSuppressed(shutdownFailure);
            }
            throw new IllegalStateException("embedded Kafka failed to start at " + bootstrapServers(), e);
        }
        server = raftServer;
    }

    /**
     * Shuts the broker down (clients lose their connections) keeping its port and data for
     * {@link #start()}. Does nothing if it is not running.
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer raftServer = server;
        server = null;
        shutDown(raftServer);
    }

    /**
     * Creates a topic with replication factor 1 and waits until every partition has a leader.
     *
     * @param configs topic configs such as {@code cleanup.policy=compact}; may be empty
     */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        TopicAdmin.create(bootstrapServers(), name, partitions, configs);
    }

    /** Creates a topic with default configs; see {@link #createTopic(String, int, Map)}. */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /**
     * Stops the broker and deletes its log directory (a {@link #persistent} one is kept); the
     * instance cannot be started again.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (deleteAtExit == null) {
            return;
        }
        KafkaLogDir.delete(settings.logDir());
        try {
            Runtime.getRuntime().removeShutdownHook(deleteAtExit);
        } catch (IllegalStateException jvmExiting) {
            // closed from another shutdown hook: ours runs anyway and finds nothing to delete
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", " + (isRunning() ? "running" : "stopped") + "]";
    }

    private static void shutDown(KafkaRaftServer raftServer) {
        raftServer.shutdown();
        raftServer.awaitShutdown();
    }

    private static boolean causedByBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
