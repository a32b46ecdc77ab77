package io.numicoin.node.config;

import io.numicoin.node.backup.NodeBackup;
import io.numicoin.node.backup.NodeRestore;
import io.numicoin.node.integrity.StartupIntegrityCheck;
import io.numicoin.node.ops.CommandRunner;
import io.numicoin.node.ops.NodeOperations;
import io.numicoin.node.ops.SnapshotExportOperation;
import io.numicoin.node.snapshot.SnapshotExporter;
import io.numicoin.node.snapshot.SnapshotImporter;
import io.numicoin.node.storage.BlockFiles;
import io.numicoin.protocol.params.NetworkParams;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Whole-node operations: snapshots, backup and restore, as command modes and the {@code snapshot-export} admin operation. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OperationsConfiguration.class);

    @Bean
    NodeOperations nodeOperations(NodeProperties properties, NetworkParams params, DataSource dataSource, JdbcTemplate jdbc,
            TransactionTemplate nodeTransactions, BlockFiles blockFiles, Clock clock) {
        NodeProperties.Snapshot snapshot = properties.snapshot();
        StartupIntegrityCheck.Settings levelTwo = new StartupIntegrityCheck.Settings(properties.integrity().checkBlocks(), 2, 0);
        return new NodeOperations(
                new SnapshotExporter(dataSource, params.network(), snapshot.chunkElements()),
                new SnapshotImporter(params, jdbc, nodeTransactions, blockFiles, clock),
                new NodeBackup(dataSource, blockFiles, params.network().id()),
                new NodeRestore(dataSource, params.network().id(),
                        () -> new StartupIntegrityCheck(params, jdbc, nodeTransactions, blockFiles, levelTwo, clock)),
                Path.of(snapshot.directory()));
    }

    @Bean
    SnapshotExportOperation snapshotExportOperation(NodeOperations operations) {
        return new SnapshotExportOperation(operations);
    }

    @Bean
    @ConditionalOnProperty(name = "numi.command", havingValue = "snapshot-export")
    CommandRunner snapshotExportCommand(NodeOperations operations, NodeProperties properties) {
        String file = properties.snapshot().file();
        return command("snapshot-export", () -> file.isBlank() ? operations.exportSnapshotToDirectory() : operations.exportSnapshot(Path.of(file)));
    }

    @Bean
    @ConditionalOnProperty(name = "numi.command", havingValue = "snapshot-import")
    CommandRunner snapshotImportCommand(NodeOperations operations, NodeProperties properties) {
        return command("snapshot-import", () -> operations.importSnapshot(required(properties.snapshot().file(), "numi.snapshot.file")));
    }

    @Bean
    @ConditionalOnProperty(name = "numi.command", havingValue = "backup")
    CommandRunner backupCommand(NodeOperations operations, NodeProperties properties) {
        return command("backup", () -> operations.backup(required(properties.backup().file(), "numi.backup.file")));
    }

    @Bean
    @ConditionalOnProperty(name = "numi.command", havingValue = "restore")
    CommandRunner restoreCommand(NodeOperations operations, NodeProperties properties) {
        return command("restore", () -> operations.restore(required(properties.backup().file(), "numi.backup.file")));
    }

    private static Path required(String file, String property) {
        if (file.isBlank()) {
            throw new IllegalArgumentException("set --" + property + "=<file>");
        }
        return Path.of(file);
    }

    private static CommandRunner command(String name, Callable<?> action) {
        return new CommandRunner(() -> {
            try {
                action.call();
                return 0;
            } catch (Exception e) {
                log.error("{} failed: {}", name, e.getMessage());
                return 1;
            }
        });
    }
}
