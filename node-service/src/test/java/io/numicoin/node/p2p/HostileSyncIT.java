package io.numicoin.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.network.sync.ChainStatusMessage;
import io.numicoin.network.sync.SyncCodec;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.OrphanPool;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile peers against a real node (its Spring context, PostgreSQL, libp2p on loopback) that get
 * no cheap amplification: a batch of 2,000 easiest-target headers on an unknown parent costs no
 * Argon2id (counted by the node's own {@code numi.p2p.sync.header_pow_checks}); a peer answering
 * with our own headers is penalised in the round it answers; an invalid block's child is not stored;
 * a mutated-body orphan does not shadow the honest block; one peer's orphan flood does not evict
 * another peer's orphans.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileSyncIT {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    final EmbeddedKafka kafka = EmbeddedKafka.launch();
    final ChainBuilder builder = ChainBuilder.regtest();
    TestNode node;
    Block tip = builder.genesis();

    @BeforeAll
    void start() {
        node = TestNode.start("hostile", kafka, false, List.of(), "--numi.p2p.sync.headers-per-request=100");
        for (Block block : builder.extend(tip, 150, 1)) {
            assertThat(node.submit(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
            tip = block;
        }
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        kafka.close();
    }

    @Test
    void twoThousandEasiestTargetHeadersOnAnUnknownParentCostNoArgon2id() {
        List<BlockHeader> forged = new ArrayList<>();
        Random random = new Random(11);
        Hash256 previous = randomId(random);
        CompactTarget easiest = CompactTarget.fromTarget(builder.params().difficulty().powLimit());
        for (int i = 0; i < 2_000; i++) {
            BlockHeader header = new BlockHeader(BlockHeader.CURRENT_VERSION, 5_000 + i, previous, randomId(random), randomId(random),
                    tip.header().timestamp() + i, easiest, i);
            forged.add(header);
            previous = BlockHeaderCodec.id(header);
        }
        // the node asks for up to 2,000 headers only when configured so: this peer answers whatever it is asked
        try (TestNode asking = TestNode.start("hostile-2000", kafka, false, List.of()); RawPeer evil = new RawPeer()) {
            AtomicInteger answered = serve(evil, asking.status().cumulativeWork().multiply(BigInteger.TEN), forged);
            double before = counter(asking, "numi.p2p.sync.header_pow_checks");
            evil.dial(asking);
            await().atMost(PATIENCE).until(() -> P2pSyncIT.penalties(asking, "UNREQUESTED_DATA") >= 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> !asking.peers().contains(evil.peerId()));
            assertThat(answered.get()).isEqualTo(1);
            assertThat(counter(asking, "numi.p2p.sync.header_pow_checks") - before).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aPeerAnsweringWithOurOwnHeadersIsPenalisedInThatRound() {
        List<BlockHeader> ours = node.chain.readTree(tree -> tree.headersAfter(tree.genesis().id(), node.tip(), 100));
        assertThat(ours).hasSize(100);
        try (RawPeer replayer = new RawPeer()) {
            AtomicInteger answered = serve(replayer, node.status().cumulativeWork().multiply(BigInteger.TEN), ours);
            double before = counter(node, "numi.p2p.sync.header_pow_checks");
            replayer.dial(node);
            await().atMost(PATIENCE).until(() -> P2pSyncIT.penalties(node, "REPLAYED_HEADERS") >= 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> !node.peers().contains(replayer.peerId()));
            assertThat(answered.get()).isEqualTo(1);
            assertThat(counter(node, "numi.p2p.sync.header_pow_checks") - before).isZero();
        }
    }

    @Test
    void aLowWorkForkFromGenesisIsNotStoredAndItsFalseClaimIsPenalised() {
        // real headers (with their proofs of work) of a 3-block fork from genesis: far below the node's tip
        List<BlockHeader> fork = builder.extend(builder.genesis(), 3, 8).stream().map(Block::header).toList();
        int treeSize = node.chain.readTree(tree -> tree.size());
        try (RawPeer low = new RawPeer()) {
            serve(low, node.status().cumulativeWork().multiply(BigInteger.TEN), fork);
            low.dial(node);
            await().atMost(PATIENCE).until(() -> P2pSyncIT.penalties(node, "FALSE_TIP_CLAIM") >= 1);
            int size = node.chain.readTree(tree -> tree.size());
            assertThat(size).isEqualTo(treeSize);
            for (BlockHeader header : fork) {
                Hash256 id = BlockHeaderCodec.id(header);
                boolean stored = node.chain.readTree(tree -> tree.contains(id));
                assertThat(stored).isFalse();
            }
        }
    }

    @Test
    void aForkFromGenesisWithMoreWorkIsPresyncedThenFollowed() {
        ChainBuilder rivalBuilder = ChainBuilder.regtest();
        try (TestNode ours = TestNode.start("presync-a", kafka, false, List.of(), "--numi.p2p.sync.headers-per-request=100")) {
            for (Block block : rivalBuilder.extend(rivalBuilder.genesis(), 300, 1)) {
                assertThat(ours.submit(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
            }
            // its first 100 headers are below ours' threshold (300 - 144 blocks of work): presynced, then stored with the second
            List<Block> rival = rivalBuilder.extend(rivalBuilder.genesis(), 400, 4);
            try (TestNode theirs = TestNode.start("presync-b", kafka, false, List.of())) {
                rival.forEach(block -> assertThat(theirs.submit(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED));
                ours.dial(theirs);
                Hash256 expected = BlockHeaderCodec.id(rival.getLast().header());
                await().atMost(Duration.ofSeconds(180)).until(() -> ours.tip().equals(expected));
                assertThat(P2pSyncIT.penalties(ours, "FALSE_TIP_CLAIM") + P2pSyncIT.penalties(ours, "REPLAYED_HEADERS")
                        + P2pSyncIT.penalties(ours, "UNREQUESTED_DATA")).isZero();
            }
        }
    }

    @Test
    void theChildrenOfAnInvalidBlockAreNotStored() {
        JdbcTemplate jdbc = node.context.getBean(JdbcTemplate.class);
        Block invalid = builder.child(tip).coinbaseTo(TestKeys.address(9)).coinbaseOverpaying(1).build();
        assertThat(node.submit(invalid).outcome()).isEqualTo(BlockImportResult.Outcome.INVALID);
        long stored = jdbc.queryForObject("SELECT count(*) FROM block_index", Long.class);
        Block parent = invalid;
        for (int i = 0; i < 20; i++) {
            Block child = builder.child(parent).coinbaseTo(TestKeys.address(9)).coinbaseMemo("child " + i).build();
            BlockImportResult result = node.submit(child);
            assertThat(result.outcome()).isEqualTo(BlockImportResult.Outcome.INVALID);
            assertThat(result.rejection()).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(BlockRejectReason.INVALID_ANCESTOR));
            Hash256 id = BlockHeaderCodec.id(child.header());
            boolean contained = node.chain.readTree(tree -> tree.contains(id));
            assertThat(contained).isFalse();
            parent = child;
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM block_index", Long.class)).isEqualTo(stored);
        assertThat(node.tip()).isEqualTo(BlockHeaderCodec.id(tip.header()));
    }

    @Test
    void aMutatedOrphanDoesNotShadowTheHonestBlockAndOnePeersFloodEvictsOnlyItsOwn() {
        Block base = tip;
        Block parent = builder.child(base).coinbaseTo(TestKeys.address(2)).coinbaseMemo("parent").build();
        List<Block> honest = builder.extend(parent, 3, 2);
        Block mutatedCoinbase = builder.child(parent).coinbaseTo(TestKeys.address(2)).coinbaseMemo("mutated").build();
        Block mutated = new Block(honest.getFirst().header(), mutatedCoinbase.transactions());

        BlockImportResult refused = node.chain.submitBlock(mutated, "evil");
        assertThat(refused.outcome()).isEqualTo(BlockImportResult.Outcome.INVALID);
        assertThat(refused.rejection()).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(BlockRejectReason.MERKLE_ROOT_MISMATCH));
        for (Block block : honest) {
            assertThat(node.chain.submitBlock(block, "honest").outcome()).isEqualTo(BlockImportResult.Outcome.ORPHANED);
        }
        // more orphans than the pool holds, all from one peer: a hidden branch whose first block it keeps back
        List<Block> flood = builder.extend(base, OrphanPool.DEFAULT_MAX_COUNT + 11, 3);
        long powBefore = node.chain.orphanPowChecks();
        for (Block block : flood.subList(1, flood.size())) {
            assertThat(node.chain.submitBlock(block, "flooder").outcome()).isEqualTo(BlockImportResult.Outcome.ORPHANED);
        }
        assertThat(node.chain.orphanPowChecks() - powBefore).isEqualTo(flood.size() - 1);  // each paid for with its proof of work

        assertThat(node.submit(parent).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        assertThat(node.tip()).isEqualTo(BlockHeaderCodec.id(honest.getLast().header()));
        tip = honest.getLast();
    }

    /** Serves a status claiming {@code work} and answers every headers request with {@code headers}; counts the answers. */
    private AtomicInteger serve(RawPeer peer, BigInteger work, List<BlockHeader> headers) {
        AtomicInteger answered = new AtomicInteger();
        ChainStatusMessage status = new ChainStatusMessage(builder.params().genesisId(), BlockHeaderCodec.id(headers.getLast()),
                headers.getLast().height(), work);
        byte[] body = SyncCodec.encodeHeaders(headers);
        RequestResponse.serve(peer.host, peer.protocols.status(), (from, request) -> CompletableFuture.completedFuture(SyncCodec.encodeStatus(status)));
        RequestResponse.serve(peer.host, peer.protocols.headers(), (from, request) -> {
            answered.incrementAndGet();
            return CompletableFuture.completedFuture(body);
        });
        return answered;
    }

    private static Hash256 randomId(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Hash256.of(bytes);
    }

    private static double counter(TestNode node, String name) {
        return node.context.getBean(MeterRegistry.class).get(name).functionCounter().count();
    }
}
