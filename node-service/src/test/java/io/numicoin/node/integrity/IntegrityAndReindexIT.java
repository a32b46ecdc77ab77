package io.numicoin.node.integrity;

import static io.numicoin.node.TestChains.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.node.NodeDatabase;
import io.numicoin.node.RecordingChainEvents;
import io.numicoin.node.TestChains;
import io.numicoin.node.chain.ChainServiceSettings;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.integrity.IntegrityProblem.Kind;
import io.numicoin.node.storage.BlockStatusCode;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.state.StateCommitment;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The startup check on a good database and on damaged ones, and reindex repairing them. */
class IntegrityAndReindexIT {

    private static final ChainBuilder BUILDER = ChainBuilder.regtest();
    private static final List<Block> CHAIN = new ArrayList<>();

    private NodeDatabase db;
    private final RecordingChainEvents events = new RecordingChainEvents();

    @BeforeAll
    static void buildChain() {
        CHAIN.addAll(TestChains.funded(BUILDER, 1));
        Block tip = CHAIN.getLast();
        for (int i = 0; i < 6; i++) {
            tip = BUILDER.child(tip).transfers(
                    BUILDER.transfer(1, TestKeys.address(10 + i), 1_000_000L * (i + 1), 1_000, 2L * i + 1),
                    BUILDER.transfer(1, TestKeys.address(20 + i), 2_000_000L, 1_000, 2L * i + 2)).build();
            CHAIN.add(tip);
        }
    }

    @BeforeEach
    void importChain() {
        db = NodeDatabase.create("integrity");
        try (NodeChainService service = service()) {
            service.start();
            for (Block block : CHAIN) {
                assertThat(service.submitBlock(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
            }
        }
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void aGoodDatabasePassesAtEveryLevel() {
        for (int level = 0; level <= 2; level++) {
            IntegrityReport report = check(level, 50);
            assertThat(report.problems()).as("level %d", level).isEmpty();
            assertThat(report.checkedBlocks()).isEqualTo(50);
            assertThat(report.passed()).isTrue();
        }
        assertThat(check(2, 10_000).checkedBlocks()).isEqualTo(CHAIN.size() + 1);
    }

    @Test
    void aCorruptBalanceFailsTheCheckAndReindexRepairsIt() {
        // An account the tip block wrote: found at level 1 by the sample, which always includes the tip's buckets.
        corruptBalance(TestKeys.address(25).policyHash().toArray());
        IntegrityReport report = check(1, 10);
        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).extracting(IntegrityProblem::kind).containsExactly(Kind.ACCOUNTS_MISMATCH);
        assertThat(report.message()).contains("--numi.command=reindex").contains("will not serve");

        Reindexer.Report reindex = reindex();
        assertThat(reindex.newTip()).isEqualTo(id(CHAIN.getLast()));
        assertThat(reindex.stoppedBecause()).isEmpty();
        assertStateIsBuildersAfter(CHAIN.getLast());
        assertThat(check(2, 10_000).problems()).isEmpty();
        assertThat(events.events()).isEmpty();  // the chain did not move: nothing to tell consumers
    }

    @Test
    void aCorruptBalanceNotTouchedRecentlyIsFoundByTheFullCheck() {
        corruptBalance(TestKeys.address(10).policyHash().toArray());
        IntegrityReport report = check(2, 3);
        assertThat(report.problems()).extracting(IntegrityProblem::kind).contains(Kind.ACCOUNTS_MISMATCH);
        reindex();
        assertThat(check(2, 10_000).problems()).isEmpty();
        assertStateIsBuildersAfter(CHAIN.getLast());
    }

    @Test
    void anUnreadableBlockFileRecordIsACorruptBodyToTheCheckAndToReindex() {
        Block damaged = CHAIN.get(CHAIN.size() - 2);
        // the row names a place in its file where no record starts (the file was damaged or replaced)
        db.jdbc().update("UPDATE block_body SET file_offset = file_offset + 1 WHERE id = ?", (Object) id(damaged).toArray());

        IntegrityReport report = check(1, 10);
        assertThat(report.problems()).extracting(IntegrityProblem::kind).containsExactly(Kind.BODY_CORRUPT);
        assertThat(report.problems().getFirst().detail()).contains("unreadable").contains("no record starts there");
        assertThat(report.redownload()).containsExactly(id(damaged));

        Block below = CHAIN.get(CHAIN.size() - 4);
        db.jdbc().update("UPDATE block_body SET file_offset = file_offset + 1 WHERE id = ?", (Object) id(below).toArray());
        Reindexer.Report reindex = reindex();
        assertThat(reindex.redownload()).containsExactly(id(below));
        assertThat(reindex.newTip()).isEqualTo(id(CHAIN.get(CHAIN.size() - 5)));
        assertThat(reindex.stoppedBecause()).hasValueSatisfying(reason -> assertThat(reason).contains(id(below).toHex()));
    }

    @Test
    void aCorruptBodyIsMarkedForRedownloadAndTheChainReconnectsWhenItArrivesAgain() {
        Block damaged = CHAIN.get(CHAIN.size() - 3);
        flipLastByteInItsFile(damaged);

        IntegrityReport report = check(1, 10);
        assertThat(report.problems()).extracting(IntegrityProblem::kind).containsExactly(Kind.BODY_CORRUPT);
        assertThat(report.redownload()).containsExactly(id(damaged));
        assertThat(report.message()).contains(id(damaged).toHex()).contains("re-download");
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM block_body WHERE id = ?", Long.class, (Object) id(damaged).toArray())).isZero();
        assertThat(db.jdbc().queryForObject("SELECT status FROM block_index WHERE id = ?", Short.class, (Object) id(damaged).toArray()))
                .isEqualTo(BlockStatusCode.HEADER_ONLY);

        Reindexer.Report reindex = reindex();
        Block below = CHAIN.get(CHAIN.size() - 4);
        assertThat(reindex.newTip()).isEqualTo(id(below));
        assertThat(reindex.stoppedBecause()).hasValueSatisfying(reason -> assertThat(reason).contains(id(damaged).toHex()));
        assertStateIsBuildersAfter(below);
        assertThat(check(2, 10_000).problems()).isEmpty();
        // Consumers hear that the blocks above left the active chain (tip first); the damaged one has no body to send.
        assertThat(events.events()).containsExactly("-" + id(CHAIN.getLast()), "-" + id(CHAIN.get(CHAIN.size() - 2)));

        try (NodeChainService service = service()) {
            service.start();
            assertThat(service.status().tipId()).isEqualTo(id(below));
            BlockImportResult again = service.submitBlock(damaged);
            assertThat(again.outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
            assertThat(again.changes()).hasSize(3);
            assertThat(service.status().tipId()).isEqualTo(id(CHAIN.getLast()));
        }
        assertStateIsBuildersAfter(CHAIN.getLast());
        assertThat(check(2, 10_000).problems()).isEmpty();
    }

    @Test
    void aHeaderThatNoLongerHashesToItsIdIsReported() {
        Block victim = CHAIN.get(CHAIN.size() - 2);
        byte[] header = db.jdbc().queryForObject("SELECT header FROM block_index WHERE id = ?", byte[].class, (Object) id(victim).toArray());
        header[127] ^= 0x01;  // the nonce's last byte
        db.jdbc().update("UPDATE block_index SET header = ? WHERE id = ?", header, id(victim).toArray());
        IntegrityReport report = check(0, 5);
        assertThat(report.problems()).extracting(IntegrityProblem::kind).containsExactly(Kind.HEADER_MISMATCH);
    }

    private void corruptBalance(byte[] address) {
        assertThat(db.jdbc().update("UPDATE accounts SET balance = balance + 1 WHERE address = ?", (Object) address)).isEqualTo(1);
    }

    private IntegrityReport check(int level, int blocks) {
        return new StartupIntegrityCheck(BUILDER.params(), db.jdbc(), db.transactions(), db.blockFiles(),
                new StartupIntegrityCheck.Settings(blocks, level, 4), TestChains.CLOCK).run();
    }

    private Reindexer.Report reindex() {
        return new Reindexer(BUILDER.params(), db.jdbc(), db.transactions(), db.blockFiles(), events, TestChains.CLOCK).run();
    }

    private NodeChainService service() {
        return new NodeChainService(BUILDER.params(), db.jdbc(), db.transactions(), db.blockFiles(), new RecordingChainEvents(),
                TestChains.CLOCK, ChainServiceSettings.defaults());
    }

    private void assertStateIsBuildersAfter(Block tip) {
        assertThat(db.accounts()).isEqualTo(BUILDER.stateAfter(tip).accounts());
        assertThat(db.immatureRewards()).isEqualTo(BUILDER.stateAfter(tip).immatureRewards());
        assertThat(StateCommitment.of(db.storedAccumulator())).isEqualTo(tip.header().stateCommitment());
        assertThat(db.bucketsTimesRewards().sameSetAs(db.storedAccumulator())).isTrue();
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM undo_data", Long.class)).isEqualTo(tip.height());
        assertThat(db.jdbc().queryForObject("SELECT max(height) FROM main_chain", Long.class)).isEqualTo(tip.height());
    }

    /** Damages the body's record in its block file: its last byte. */
    private void flipLastByteInItsFile(Block block) {
        Map<String, Object> row = db.jdbc().queryForMap("SELECT file_no, file_offset, size FROM block_body WHERE id = ?",
                (Object) id(block).toArray());
        Path file = db.blockFiles().directory().resolve(String.format("blk%05d.dat", (Integer) row.get("file_no")));
        long last = (Long) row.get("file_offset") + 8 + (Integer) row.get("size") - 1;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, last);
            one.put(0, (byte) (one.get(0) ^ 0x01)).rewind();
            channel.write(one, last);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
