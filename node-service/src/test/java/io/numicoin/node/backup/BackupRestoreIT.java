package io.numicoin.node.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.node.NodeDatabase;
import io.numicoin.node.RecordingChainEvents;
import io.numicoin.node.TestChains;
import io.numicoin.node.chain.ChainServiceSettings;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.integrity.IntegrityReport;
import io.numicoin.node.integrity.StartupIntegrityCheck;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup of a node with a chain restores into a new database row for row; damaged files and bad states are refused. */
class BackupRestoreIT {

    private static final ChainBuilder BUILDER = ChainBuilder.regtest();
    private static final List<Block> CHAIN = new ArrayList<>();
    private static NodeDatabase source;

    @TempDir
    Path dir;

    @BeforeAll
    static void importChain() {
        CHAIN.addAll(TestChains.funded(BUILDER, 1));
        Block tip = CHAIN.getLast();
        for (int i = 0; i < 4; i++) {
            tip = BUILDER.child(tip).transfers(BUILDER.transfer(1, TestKeys.address(10 + i), 1_000_000L, 1_000, i + 1)).build();
            CHAIN.add(tip);
        }
        source = NodeDatabase.create("backup_src");
        try (NodeChainService service = service(source)) {
            service.start();
            for (Block block : CHAIN) {
                assertThat(service.submitBlock(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
            }
        }
        source.jdbc().update("INSERT INTO peers (address, peer_id, failures) VALUES ('/ip4/10.0.0.1/tcp/8333', 'p1', 2)");
    }

    @AfterAll
    static void drop() {
        source.close();
    }

    @Test
    void aBackupRestoresEveryRowAndPassesTheFullCheck() throws Exception {
        Path file = dir.resolve("node.backup");
        BackupManifest written = new NodeBackup(source.dataSource(), source.blockFiles(), "regtest").write(file);
        assertThat(written.height()).isEqualTo(CHAIN.size());
        assertThat(written.tip()).contains(TestChains.id(CHAIN.getLast()));
        assertThat(BackupReader.verify(file)).isEqualTo(written);

        try (NodeDatabase target = NodeDatabase.create("backup_dst")) {
            IntegrityReport report = restore(target, file);
            assertThat(report.passed()).isTrue();
            assertThat(report.level()).isEqualTo(2);
            assertThat(report.checkedBlocks()).isEqualTo(CHAIN.size() + 1);
            Map<String, List<String>> expected = source.snapshot();
            assertThat(target.snapshot()).isEqualTo(expected);
            assertThat(source.jdbc().queryForObject("SELECT count(*) FROM block_body WHERE body IS NOT NULL", Long.class))
                    .as("the source's bodies are in its block files").isZero();
            assertThat(target.jdbc().queryForObject("SELECT count(*) FROM block_body WHERE file_no IS NOT NULL", Long.class))
                    .as("the backup carried the bodies: restored inline, none naming the source's files").isZero();
            assertThat(target.jdbc().queryForList("SELECT address FROM peers", String.class)).containsExactly("/ip4/10.0.0.1/tcp/8333");
            // The restored node continues: the next block connects on top.
            Block next = BUILDER.child(CHAIN.getLast()).build();
            try (NodeChainService service = service(target)) {
                service.start();
                assertThat(service.submitBlock(next).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
            }
        }
    }

    @Test
    void aDamagedBackupIsRefusedAndNothingIsWritten() throws Exception {
        Path file = dir.resolve("node.backup");
        new NodeBackup(source.dataSource(), source.blockFiles(), "regtest").write(file);
        byte[] bytes = Files.readAllBytes(file);
        int middle = bytes.length / 2;
        bytes[middle] ^= 0x40;
        Path damaged = dir.resolve("damaged.backup");
        Files.write(damaged, bytes);
        try (NodeDatabase target = NodeDatabase.create("backup_bad")) {
            Map<String, List<String>> before = target.snapshot();
            assertThatThrownBy(() -> restore(target, damaged)).isInstanceOf(BackupException.class)
                    .hasMessageContaining("damaged");
            assertThat(target.snapshot()).isEqualTo(before);

            Path truncated = dir.resolve("truncated.backup");
            Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(file), middle));
            assertThatThrownBy(() -> restore(target, truncated)).isInstanceOf(BackupException.class)
                    .hasMessageContaining("truncated");
            Path notABackup = dir.resolve("other.backup");
            Files.writeString(notABackup, "hello");
            assertThatThrownBy(() -> restore(target, notABackup)).hasMessageContaining("not a NumiCoin node backup");
            assertThat(target.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void aBackupOfACorruptStateIsRestoredThenRefusedByTheCheckAndRemoved() throws Exception {
        Path file = dir.resolve("corrupt.backup");
        try (NodeDatabase corrupt = NodeDatabase.create("backup_corrupt")) {
            Path good = dir.resolve("good.backup");
            new NodeBackup(source.dataSource(), source.blockFiles(), "regtest").write(good);
            restore(corrupt, good);
            corrupt.jdbc().update("UPDATE accounts SET balance = balance + 1 WHERE address = ?", (Object) TestKeys.address(11).policyHash().toArray());
            new NodeBackup(corrupt.dataSource(), corrupt.blockFiles(), "regtest").write(file);
        }
        try (NodeDatabase target = NodeDatabase.create("backup_refuse")) {
            Map<String, List<String>> before = target.snapshot();
            assertThatThrownBy(() -> restore(target, file)).isInstanceOf(BackupException.class)
                    .hasMessageContaining("integrity check at level 2").hasMessageContaining("undone");
            assertThat(target.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void restoreRefusesANonEmptyDatabaseAndAnotherNetwork() throws IOException, BackupException {
        Path file = dir.resolve("node.backup");
        new NodeBackup(source.dataSource(), source.blockFiles(), "regtest").write(file);
        assertThatThrownBy(() -> restore(source, file)).hasMessageContaining("not empty");
        try (NodeDatabase target = NodeDatabase.create("backup_net")) {
            assertThatThrownBy(() -> new NodeRestore(target.dataSource(), "testnet", () -> check(target)).restore(file))
                    .hasMessageContaining("regtest").hasMessageContaining("testnet");
        }
    }

    @Test
    void aNodeStartedFromASnapshotIsBackedUpAndRestoredWithItsBase() throws Exception {
        Path snapshot = dir.resolve("state.snapshot");
        new io.numicoin.node.snapshot.SnapshotExporter(source.dataSource(), BUILDER.params().network(), 10).export(snapshot);
        Path file = dir.resolve("fast.backup");
        try (NodeDatabase fast = NodeDatabase.create("backup_fast")) {
            new io.numicoin.node.snapshot.SnapshotImporter(BUILDER.params(), fast.jdbc(), fast.transactions(), fast.blockFiles(), TestChains.CLOCK)
                    .importFile(snapshot);
            new NodeBackup(fast.dataSource(), fast.blockFiles(), "regtest").write(file);
            try (NodeDatabase target = NodeDatabase.create("backup_fast_dst")) {
                assertThat(restore(target, file).passed()).isTrue();
                assertThat(target.snapshot()).isEqualTo(fast.snapshot());
                assertThat(target.jdbc().queryForObject("SELECT height FROM snapshot_base", Long.class)).isEqualTo(CHAIN.size());
                try (NodeChainService service = service(target)) {
                    service.start();
                    assertThat(service.status().tipId()).isEqualTo(TestChains.id(CHAIN.getLast()));
                    Block next = BUILDER.child(CHAIN.getLast()).build();
                    assertThat(service.submitBlock(next).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
                }
            }
        }
    }

    private static IntegrityReport restore(NodeDatabase target, Path file) throws BackupException {
        return new NodeRestore(target.dataSource(), "regtest", () -> check(target)).restore(file);
    }

    private static StartupIntegrityCheck check(NodeDatabase db) {
        return new StartupIntegrityCheck(BUILDER.params(), db.jdbc(), db.transactions(), db.blockFiles(),
                new StartupIntegrityCheck.Settings(100_000, 2, 0), TestChains.CLOCK);
    }

    private static NodeChainService service(NodeDatabase db) {
        return new NodeChainService(BUILDER.params(), db.jdbc(), db.transactions(), db.blockFiles(), new RecordingChainEvents(),
                TestChains.CLOCK, ChainServiceSettings.defaults());
    }
}
