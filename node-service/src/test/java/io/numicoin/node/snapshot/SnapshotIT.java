package io.numicoin.node.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.node.NodeDatabase;
import io.numicoin.node.RecordingChainEvents;
import io.numicoin.node.TestChains;
import io.numicoin.node.chain.ChainServiceSettings;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.state.StateCommitment;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export the state at the tip, verify and load it into a fresh database; damaged or mismatched snapshots write nothing. */
class SnapshotIT {

    private static final ChainBuilder BUILDER = ChainBuilder.regtest();
    private static final List<Block> CHAIN = new ArrayList<>();
    private static NodeDatabase source;

    @TempDir
    Path dir;

    @BeforeAll
    static void importChain() {
        CHAIN.addAll(TestChains.funded(BUILDER, 1));
        Block tip = CHAIN.getLast();
        for (int i = 0; i < 5; i++) {
            tip = BUILDER.child(tip).transfers(
                    BUILDER.transfer(1, TestKeys.address(10 + i), 1_000_000L, 1_000, 2L * i + 1),
                    BUILDER.transfer(1, TestKeys.address(30 + i), 2_000_000L, 1_000, 2L * i + 2)).build();
            CHAIN.add(tip);
        }
        source = NodeDatabase.create("snap_src");
        source.connectAll(BUILDER.params(), CHAIN);
    }

    @AfterAll
    static void drop() {
        source.close();
    }

    @Test
    void anExportedSnapshotVerifiesAndLoadsIntoAFreshDatabase() throws Exception {
        Path file = dir.resolve("state.snapshot");
        SnapshotManifest manifest = new SnapshotExporter(source.dataSource(), Network.REGTEST, 7).export(file);
        Block tip = CHAIN.getLast();
        assertThat(manifest.height()).isEqualTo(tip.height());
        assertThat(manifest.blockId()).isEqualTo(TestChains.id(tip));
        assertThat(manifest.header()).isEqualTo(tip.header());
        assertThat(manifest.accounts()).isEqualTo(source.accounts().size());
        assertThat(manifest.rewards()).isEqualTo(source.immatureRewards().size()).isEqualTo(100);
        assertThat(manifest.chunks()).hasSize((int) ((manifest.elements() + 6) / 7));
        assertThat(SnapshotReader.manifest(file)).isEqualTo(manifest);

        try (NodeDatabase target = NodeDatabase.create("snap_dst")) {
            new SnapshotImporter(BUILDER.params(), target.jdbc(), target.transactions(), target.blockFiles(), TestChains.CLOCK).importFile(file);
            assertThat(target.accounts()).isEqualTo(BUILDER.stateAfter(tip).accounts());
            assertThat(target.immatureRewards()).isEqualTo(BUILDER.stateAfter(tip).immatureRewards());
            assertThat(StateCommitment.of(target.storedAccumulator())).isEqualTo(tip.header().stateCommitment());
            assertThat(target.recomputedAccumulator().sameSetAs(target.storedAccumulator())).isTrue();
            assertThat(target.bucketsTimesRewards().sameSetAs(target.storedAccumulator())).isTrue();
            assertThat(target.jdbc().queryForObject("SELECT height FROM chain_tip", Long.class)).isEqualTo(tip.height());
            assertThat(target.jdbc().queryForObject("SELECT count(*) FROM block_body", Long.class)).isOne();  // genesis
            assertThat(target.jdbc().queryForObject("SELECT count(*) FROM main_chain", Long.class)).isEqualTo(tip.height() + 1);
            assertThat(target.jdbc().queryForObject("SELECT count(*) FROM block_index WHERE status = 5", Long.class))
                    .isEqualTo(tip.height());
            // The node runs from it: the tip is the snapshot's block.
            try (NodeChainService service = new NodeChainService(BUILDER.params(), target.jdbc(), target.transactions(), target.blockFiles(),
                    new RecordingChainEvents(), TestChains.CLOCK, ChainServiceSettings.defaults())) {
                service.start();
                assertThat(service.status().tipId()).isEqualTo(TestChains.id(tip));
                assertThat(service.status().cumulativeWork()).isEqualTo(manifest.cumulativeWork());
            }
            // Importing again is refused: the node now knows the block.
            assertThatThrownBy(() -> new SnapshotImporter(BUILDER.params(), target.jdbc(), target.transactions(), target.blockFiles(), TestChains.CLOCK).importFile(file))
                    .isInstanceOf(SnapshotException.class).hasMessageContaining("already has the snapshot's block");
        }
    }

    @Test
    void aDatabaseLoadedByAVersionOneImportRefusesToStartWithAClearReason() throws Exception {
        Path file = dir.resolve("state.snapshot");
        new SnapshotExporter(source.dataSource(), Network.REGTEST, 10).export(file);
        try (NodeDatabase target = NodeDatabase.create("snap_v1")) {
            new SnapshotImporter(BUILDER.params(), target.jdbc(), target.transactions(), target.blockFiles(), TestChains.CLOCK).importFile(file);
            // what a version-1 import left: the tip's row only, no header chain
            long height = CHAIN.getLast().height();
            target.jdbc().update("DELETE FROM snapshot_base");
            target.jdbc().update("DELETE FROM main_chain WHERE height < ?", height);
            try (NodeChainService service = new NodeChainService(BUILDER.params(), target.jdbc(), target.transactions(), target.blockFiles(),
                    new RecordingChainEvents(), TestChains.CLOCK, ChainServiceSettings.defaults())) {
                assertThatThrownBy(service::start).hasMessageContaining("version-1 state snapshot at height " + height)
                        .hasMessageContaining("carries no header chain");
            }
        }
    }

    @Test
    void aDamagedChunkIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path file = dir.resolve("state.snapshot");
        new SnapshotExporter(source.dataSource(), Network.REGTEST, 10).export(file);
        byte[] bytes = Files.readAllBytes(file);
        byte[] damaged = bytes.clone();
        damaged[8 + 4 + 60] ^= 0x01;  // inside the first chunk's second element
        assertRefused(write("damaged", damaged), "chunk 0 does not match its hash");
        assertRefused(write("truncated", Arrays.copyOf(bytes, bytes.length - 5)), "not a NumiCoin snapshot");
        byte[] cut = new byte[bytes.length - 49];  // one element fewer, manifest intact
        System.arraycopy(bytes, 0, cut, 0, 8 + 4);
        System.arraycopy(bytes, 8 + 4 + 49, cut, 8 + 4, bytes.length - 8 - 4 - 49);
        assertRefused(write("cut", cut), "the file is damaged");
        assertRefused(write("junk", "not a snapshot at all, long enough".getBytes()), "not a NumiCoin snapshot");
        int manifestLength = java.nio.ByteBuffer.wrap(bytes, bytes.length - 12, 4).getInt();
        byte[] badHeader = bytes.clone();
        badHeader[bytes.length - 12 - manifestLength - 3] ^= 0x01;  // the last header's nonce
        assertRefused(write("badheader", badHeader), "the snapshot's header");
    }

    @Test
    void aSnapshotWhoseHeaderChainDoesNotLeadToItsBlockIsRefused() throws Exception {
        Path file = dir.resolve("state.snapshot");
        SnapshotManifest manifest = new SnapshotExporter(source.dataSource(), Network.REGTEST, 10).export(file);
        Block other = CHAIN.get(CHAIN.size() - 2);
        // the right headers, but a claimed work that they do not add up to
        SnapshotManifest moreWork = new SnapshotManifest(manifest.network(), manifest.height(), manifest.blockId(), manifest.header(),
                manifest.cumulativeWork().add(java.math.BigInteger.ONE), manifest.headersHash(), manifest.accounts(), manifest.rewards(),
                manifest.chunks());
        assertRefused(withManifest(file, moreWork, "morework"), "add up to work");
        // a header chain one block short of the snapshot's block
        assertRefused(withHeaders(file, manifest, manifest, other.height(), "short"), "the file is damaged");
        // a last header that breaks the median-time-past rule (the state would not even be looked at)
        Block early = BUILDER.child(other).timestamp(CHAIN.get(CHAIN.size() - 8).header().timestamp()).build();
        List<io.numicoin.protocol.block.BlockHeader> headers = new ArrayList<>();
        for (long h = 0; h < manifest.height(); h++) {
            headers.add(headerAt(h));
        }
        headers.add(early.header());
        SnapshotManifest tooEarly = new SnapshotManifest(manifest.network(), manifest.height(), TestChains.id(early), early.header(),
                manifest.cumulativeWork(), manifest.headersHash(), manifest.accounts(), manifest.rewards(), manifest.chunks());
        assertRefused(withHeaders(file, manifest, tooEarly, headers, "early"), "TIMESTAMP_NOT_AFTER_MEDIAN_TIME_PAST");
    }

    @Test
    void aSnapshotWhoseStateDoesNotMatchTheHeaderIsRefused() throws Exception {
        Path file = dir.resolve("state.snapshot");
        SnapshotManifest manifest = new SnapshotExporter(source.dataSource(), Network.REGTEST, 10).export(file);
        Block other = CHAIN.get(CHAIN.size() - 2);
        SnapshotManifest lying = new SnapshotManifest(manifest.network(), other.height(), TestChains.id(other), other.header(),
                workUpTo(other.height()), manifest.headersHash(), manifest.accounts(), manifest.rewards(), manifest.chunks());
        assertRefused(withHeaders(file, manifest, lying, other.height(), "lying"), "commits to");
        SnapshotManifest wrongId = new SnapshotManifest(manifest.network(), manifest.height(), TestChains.id(other), manifest.header(),
                manifest.cumulativeWork(), manifest.headersHash(), manifest.accounts(), manifest.rewards(), manifest.chunks());
        assertRefused(withManifest(file, wrongId, "wrongid"), "not to its block");
        assertThatThrownBy(() -> SnapshotVerifier.verify(file, io.numicoin.protocol.params.NetworkParams.testnet(), 0)).hasMessageContaining("this node runs testnet");
    }

    @Test
    void aDatabaseWithAnotherChainRefusesTheSnapshot() throws Exception {
        Path file = dir.resolve("state.snapshot");
        new SnapshotExporter(source.dataSource(), Network.REGTEST, 10).export(file);
        try (NodeDatabase other = NodeDatabase.create("snap_other")) {
            try (NodeChainService service = new NodeChainService(BUILDER.params(), other.jdbc(), other.transactions(), other.blockFiles(),
                    new RecordingChainEvents(), TestChains.CLOCK, ChainServiceSettings.defaults())) {
                service.start();  // genesis only
            }
            Map<String, List<String>> before = other.snapshot();
            assertThatThrownBy(() -> new SnapshotImporter(BUILDER.params(), other.jdbc(), other.transactions(), other.blockFiles(), TestChains.CLOCK).importFile(file))
                    .hasMessageContaining("does not contain the snapshot's block");
            assertThat(other.snapshot()).isEqualTo(before);
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name + ".snapshot"), bytes);
    }

    /** The same chunks under another manifest. */
    private Path withManifest(Path file, SnapshotManifest manifest, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int oldLength = java.nio.ByteBuffer.wrap(bytes, bytes.length - 12, 4).getInt();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, bytes.length - 12 - oldLength);
        byte[] encoded = SnapshotManifestCodec.encode(manifest);
        DataOutputStream data = new DataOutputStream(out);
        data.write(encoded);
        data.writeInt(encoded.length);
        data.write(SnapshotFormat.END_MAGIC);
        return write(name, out.toByteArray());
    }

    /** The same chunks, with the chain's headers up to {@code top} and {@code manifest} (its header hash made to match). */
    private Path withHeaders(Path file, SnapshotManifest original, SnapshotManifest manifest, long top, String name) throws IOException {
        List<io.numicoin.protocol.block.BlockHeader> headers = new ArrayList<>();
        for (long h = 0; h <= top; h++) {
            headers.add(headerAt(h));
        }
        return withHeaders(file, original, manifest, headers, name);
    }

    private Path withHeaders(Path file, SnapshotManifest original, SnapshotManifest manifest,
            List<io.numicoin.protocol.block.BlockHeader> headers, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int chunksEnd = 8;
        for (SnapshotManifest.Chunk chunk : original.chunks()) {
            chunksEnd += 4 + chunk.elements() * SnapshotFormat.ELEMENT_SIZE;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, chunksEnd);
        io.numicoin.node.backup.StreamHash hash = new io.numicoin.node.backup.StreamHash(io.numicoin.node.backup.StreamHash.SNAPSHOT_HEADERS);
        for (io.numicoin.protocol.block.BlockHeader each : headers) {
            byte[] header = io.numicoin.protocol.codec.BlockHeaderCodec.encode(each);
            out.write(header);
            hash.update(header, 0, header.length);
        }
        SnapshotManifest rehashed = new SnapshotManifest(manifest.network(), manifest.height(), manifest.blockId(), manifest.header(),
                manifest.cumulativeWork(), hash.finish(), manifest.accounts(), manifest.rewards(), manifest.chunks());
        byte[] encoded = SnapshotManifestCodec.encode(rehashed);
        DataOutputStream data = new DataOutputStream(out);
        data.write(encoded);
        data.writeInt(encoded.length);
        data.write(SnapshotFormat.END_MAGIC);
        return write(name, out.toByteArray());
    }

    private static io.numicoin.protocol.block.BlockHeader headerAt(long height) {
        return height == 0 ? BUILDER.params().genesis().header() : CHAIN.get((int) height - 1).header();
    }

    private static java.math.BigInteger workUpTo(long height) {
        java.math.BigInteger work = java.math.BigInteger.ZERO;
        for (long h = 0; h <= height; h++) {
            work = work.add(headerAt(h).target().work());
        }
        return work;
    }

    private void assertRefused(Path file, String reason) {
        try (NodeDatabase target = NodeDatabase.create("snap_bad")) {
            Map<String, List<String>> before = target.snapshot();
            assertThatThrownBy(() -> new SnapshotImporter(BUILDER.params(), target.jdbc(), target.transactions(), target.blockFiles(), TestChains.CLOCK).importFile(file))
                    .isInstanceOf(SnapshotException.class).hasMessageContaining(reason);
            assertThat(target.snapshot()).isEqualTo(before);
        }
    }
}
