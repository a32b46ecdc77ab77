package io.numicoin.testkit.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * The broker's temporary data directory: created empty, formatted once for a new single-node
 * KRaft cluster (what {@code kafka-storage.sh format} does), deleted at the end.
 */
final class KafkaLogDir {

    private KafkaLogDir() {
    }

    static Path create() {
        try {
            return Files.createTempDirectory("numi-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temp dir for Kafka", e);
        }
    }

    /** Writes meta.properties and the bootstrap metadata for a new cluster with a random id. */
    static void format(Path dir) {
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(BrokerSettings.NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                .setMetadataLogDirectory(dir.toString())
                .addDirectory(dir.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION);
        try {
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka log dir " + dir, e);
        }
    }

    static void delete(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete Kafka log dir " + dir, e);
        }
    }

    static void deleteQuietly(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            // best effort at JVM exit
        }
    }
}
