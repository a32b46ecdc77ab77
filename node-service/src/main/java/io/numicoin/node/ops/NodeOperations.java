package io.numicoin.node.ops;

import io.numicoin.node.backup.BackupException;
import io.numicoin.node.backup.BackupManifest;
import io.numicoin.node.backup.NodeBackup;
import io.numicoin.node.backup.NodeRestore;
import io.numicoin.node.integrity.IntegrityReport;
import io.numicoin.node.snapshot.SnapshotException;
import io.numicoin.node.snapshot.SnapshotExporter;
import io.numicoin.node.snapshot.SnapshotImporter;
import io.numicoin.node.snapshot.SnapshotManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's whole-node operations behind the command modes and the admin operation: snapshot
 * export (to a named file or into the snapshot directory as {@code numi-<network>-<height>.snapshot}),
 * snapshot import, backup and restore. Each logs what it did; failures carry the operator's message.
 */
public final class NodeOperations {

    private static final Logger log = LoggerFactory.getLogger(NodeOperations.class);

    private final SnapshotExporter exporter;
    private final SnapshotImporter importer;
    private final NodeBackup backup;
    private final NodeRestore restore;
    private final Path snapshotDirectory;

    public NodeOperations(SnapshotExporter exporter, SnapshotImporter importer, NodeBackup backup, NodeRestore restore,
            Path snapshotDirectory) {
        this.exporter = exporter;
        this.importer = importer;
        this.backup = backup;
        this.restore = restore;
        this.snapshotDirectory = snapshotDirectory;
    }

    /** Exports into the snapshot directory, named by network and height. */
    public Path exportSnapshotToDirectory() throws SnapshotException {
        try {
            Files.createDirectories(snapshotDirectory);
            Path temporary = Files.createTempFile(snapshotDirectory, "export-", ".snapshot");
            SnapshotManifest manifest = exporter.export(temporary);
            Path file = snapshotDirectory.resolve("numi-" + manifest.network().id() + "-" + manifest.height() + ".snapshot");
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            logExport(file, manifest);
            return file;
        } catch (IOException e) {
            throw new SnapshotException("snapshot export into " + snapshotDirectory + " failed: " + e.getMessage(), e);
        }
    }

    public SnapshotManifest exportSnapshot(Path file) throws SnapshotException {
        SnapshotManifest manifest = exporter.export(file);
        logExport(file, manifest);
        return manifest;
    }

    public SnapshotManifest importSnapshot(Path file) throws SnapshotException {
        SnapshotManifest manifest = importer.importFile(file);
        log.info("snapshot {} verified and loaded: {} accounts and {} immature rewards at height {} (block {})", file,
                manifest.accounts(), manifest.rewards(), manifest.height(), manifest.blockId());
        return manifest;
    }

    public BackupManifest backup(Path file) throws BackupException {
        BackupManifest manifest = backup.write(file);
        log.info("backup {} written: tip {} at height {}, schema {}", file, manifest.tip().map(Object::toString).orElse("none"),
                manifest.height(), manifest.schema());
        return manifest;
    }

    public IntegrityReport restore(Path file) throws BackupException {
        IntegrityReport report = restore.restore(file);
        log.info("backup {} restored; {}", file, report.message());
        return report;
    }

    private static void logExport(Path file, SnapshotManifest manifest) {
        log.info("snapshot {} written: {} accounts and {} immature rewards at height {} (block {}), {} chunks", file,
                manifest.accounts(), manifest.rewards(), manifest.height(), manifest.blockId(), manifest.chunks().size());
    }
}
