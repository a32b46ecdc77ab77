package io.numicoin.node.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.node.NodeApplication;
import io.numicoin.node.NodeDatabase;
import io.numicoin.protocol.block.Block;
import io.numicoin.testkit.ChainBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The command modes as Spring Boot runs them: backup, restore, snapshot-export, snapshot-import, and their exit codes. */
class CommandModesIT {

    private static final ChainBuilder BUILDER = ChainBuilder.regtest();
    private static final List<Block> CHAIN = new ArrayList<>();
    private static NodeDatabase source;

    @TempDir
    Path dir;

    @BeforeAll
    static void importChain() {
        CHAIN.addAll(BUILDER.extend(BUILDER.genesis(), 12, 1));
        source = NodeDatabase.create("cmd_src");
        source.connectAll(BUILDER.params(), CHAIN);
    }

    @AfterAll
    static void drop() {
        source.close();
    }

    @Test
    void backupThenRestoreIntoANewDatabase() throws Exception {
        Path file = dir.resolve("node.backup");
        assertThat(run(source, "backup", "--numi.backup.file=" + file)).isZero();
        assertThat(file).exists();
        try (NodeDatabase target = NodeDatabase.create("cmd_restore")) {
            assertThat(run(target, "restore", "--numi.backup.file=" + file)).isZero();
            assertThat(target.snapshot()).isEqualTo(source.snapshot());
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length - 40] ^= 1;
            Path damaged = Files.write(dir.resolve("damaged.backup"), bytes);
            try (NodeDatabase other = NodeDatabase.create("cmd_restore_bad")) {
                assertThat(run(other, "restore", "--numi.backup.file=" + damaged)).isEqualTo(1);
                assertThat(other.jdbc().queryForObject("SELECT count(*) FROM block_index", Long.class)).isZero();
            }
        }
        assertThat(run(source, "restore")).isEqualTo(1);  // no file named
    }

    @Test
    void snapshotExportIntoTheDirectoryThenImport() throws Exception {
        Path snapshots = dir.resolve("snapshots");
        assertThat(run(source, "snapshot-export", "--numi.snapshot.directory=" + snapshots)).isZero();
        Path file = snapshots.resolve("numi-regtest-" + CHAIN.getLast().height() + ".snapshot");
        assertThat(file).exists();
        try (NodeDatabase target = NodeDatabase.create("cmd_snap")) {
            assertThat(run(target, "snapshot-import", "--numi.snapshot.file=" + file)).isZero();
            assertThat(target.accounts()).isEqualTo(source.accounts());
            assertThat(target.immatureRewards()).isEqualTo(source.immatureRewards());
        }
        assertThat(run(source, "snapshot-import", "--numi.snapshot.file=" + file)).isEqualTo(1);  // not a fresh database
    }

    private static int run(NodeDatabase db, String command, String... extra) {
        List<String> args = new ArrayList<>(List.of("--numi.command=" + command, "--numi.network=regtest", "--numi.events.publish=false",
                "--spring.datasource.url=" + db.database().jdbcUrl(), "--spring.datasource.username=" + db.database().user(),
                "--spring.datasource.password=" + db.database().password(),
                "--numi.chain.block-files=" + NodeDatabase.BLOCK_FILES.toAbsolutePath()));
        args.addAll(List.of(extra));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NodeApplication.class)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new))) {
            return SpringApplication.exit(context);
        }
    }
}
