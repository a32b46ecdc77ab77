package io.numicoin.devnet.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * The devnet's Kafka: a real single-node KRaft broker (controller and broker in one) inside the
 * launcher's JVM, so it can never outlive the launcher. Its log directory is formatted once (what
 * {@code kafka-storage.sh format} does) and kept between runs, with every topic and offset.
 */
public final class DevnetKafka implements AutoCloseable {

    private final BrokerConfig config;
    private final KafkaRaftServer server;

    private DevnetKafka(BrokerConfig config, KafkaRaftServer server) {
        this.config = config;
        this.server = server;
    }

    /** Formats {@code logDir} if it is new, then starts the broker; returns once it accepts clients. */
    public static DevnetKafka start(Path logDir, int brokerPort, int controllerPort) throws Exception {
        BrokerConfig config = new BrokerConfig(brokerPort, controllerPort, logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            Files.createDirectories(logDir);
            format(logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config.toProperties(), false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException shutdownFailure) {
                e.addSuppressed(shutdownFailure);
            }
            throw e;
        }
        return new DevnetKafka(config, server);
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void format(Path dir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(BrokerConfig.NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(BrokerConfig.CONTROLLER_LISTENER)
                .setMetadataLogDirectory(dir.toString())
                .addDirectory(dir.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }
}
