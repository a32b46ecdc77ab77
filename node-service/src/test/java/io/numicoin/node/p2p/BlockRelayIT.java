package io.numicoin.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.network.NetworkProtocols;
import io.numicoin.node.p2p.peers.BanList;
import io.numicoin.node.p2p.peers.PeerScores;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.time.TimeRules;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Header-first block relay between whole nodes on a line, {@code a — d — e} (a and e refuse each
 * other, so whatever e hears came through d): a block at the tip is forwarded once its header,
 * proof of work and body commitment hold, before the forwarding node imports it; a block with a
 * valid proof of work and an invalid body travels the line once, is connected nowhere, and costs
 * the honest relays points but no ban; a block without its proof of work stops at the first hop
 * and bans its sender.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlockRelayIT {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    final EmbeddedKafka kafka = EmbeddedKafka.launch();
    final ChainBuilder builder = ChainBuilder.regtest();
    TestNode a;
    TestNode d;
    TestNode e;
    Block tip = builder.genesis();

    @BeforeAll
    void start() {
        a = TestNode.start("relay_a", kafka, false, List.of());
        d = TestNode.start("relay_d", kafka, false, List.of(a.address()));
        e = TestNode.start("relay_e", kafka, false, List.of(d.address()));
        a.partitionFrom(Set.of(e.peerId()));
        e.partitionFrom(Set.of(a.peerId()));
        await().atMost(PATIENCE).until(() -> a.peers().contains(d.peerId()) && e.peers().contains(d.peerId()));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> inMesh(a, d) && inMesh(d, a) && inMesh(d, e) && inMesh(e, d));
        tip = mineOn(a, tip, "warm-up");
        awaitOn(List.of(a, d, e), tip);
        assertThat(e.peers()).doesNotContain(a.peerId());
    }

    @AfterAll
    void stop() {
        for (TestNode node : new TestNode[] {e, d, a}) {
            if (node != null) {
                node.close();
            }
        }
        kafka.close();
    }

    @Test
    @Order(1)
    void aBlockAtTheTipReachesTheNextHopWhileTheRelayHasNotImportedIt() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // d's import lock held: every import on d waits (its gossip import included) until released
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> d.chain.readTree(tree -> {
            held.countDown();
            try {
                release.await(40, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        Block parent = tip;
        Block block;
        try {
            block = mineOn(a, parent, "relayed before import");
            await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(50)).until(() -> e.tip().equals(id(block)));
            assertThat(d.tip()).as("d has not imported it yet").isEqualTo(id(parent));
        } finally {
            release.countDown();
            holder.join();
        }
        awaitOn(List.of(a, d, e), block);
        tip = block;
        assertThat(P2pSyncIT.penalties(e, "INVALID_BLOCK") + P2pSyncIT.penalties(e, "INVALID_BODY")).isZero();
    }

    @Test
    @Order(2)
    void aValidWorkInvalidBodyBlockIsRelayedOnceConnectedNowhereAndBansNoHonestRelay() {
        Block invalid = builder.child(tip).coinbaseTo(TestKeys.address(9)).coinbaseOverpaying(1).build();
        Hash256 invalidId = id(invalid);
        try (RawPeer attacker = new RawPeer()) {
            attacker.dial(a);
            await().atMost(PATIENCE).until(() -> a.peers().contains(attacker.peerId()));
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> attacker.publish(invalid).peers() > 0);

            // each node imported (and refused) it: e, which hears only d, got it through d's relay
            for (TestNode node : List.of(a, d, e)) {
                await().atMost(PATIENCE).until(() -> node.chain.readTree(tree -> tree.isKnownInvalid(invalidId)));
                assertThat(node.tip()).as(node.name).isEqualTo(id(tip));
            }
            await().atMost(PATIENCE).until(() -> P2pSyncIT.penalties(a, "INVALID_BODY") == 1
                    && P2pSyncIT.penalties(d, "INVALID_BODY") == 1 && P2pSyncIT.penalties(e, "INVALID_BODY") == 1);
            for (TestNode node : List.of(a, d, e)) {
                assertThat(P2pSyncIT.penalties(node, "INVALID_BLOCK")).as(node.name).isZero();
            }
            assertThat(d.context.getBean(PeerScores.class).score(a.peerId())).isZero();
            assertThat(e.context.getBean(PeerScores.class).score(d.peerId())).isZero();
            assertThat(d.context.getBean(BanList.class).isBanned(a.peerId())).isFalse();
            assertThat(e.context.getBean(BanList.class).isBanned(d.peerId())).isFalse();
            assertThat(d.peers()).contains(a.peerId());
            assertThat(e.peers()).contains(d.peerId());
        }
        // the line still carries honest blocks
        tip = mineOn(a, tip, "after the invalid one");
        awaitOn(List.of(a, d, e), tip);
        assertThat(P2pSyncIT.penalties(e, "INVALID_BODY")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aBlockWithoutItsProofOfWorkStopsAtTheFirstHopAndBansItsSender() {
        Block forged = builder.child(tip).coinbaseTo(TestKeys.address(9)).coinbaseMemo("no work").withoutProofOfWork().build();
        try (RawPeer attacker = new RawPeer()) {
            attacker.dial(a);
            await().atMost(PATIENCE).until(() -> a.peers().contains(attacker.peerId()));
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> attacker.publish(forged).peers() > 0);

            await().atMost(PATIENCE).until(() -> P2pSyncIT.penalties(a, "INVALID_BLOCK") == 1);
            await().atMost(PATIENCE).until(() -> !a.peers().contains(attacker.peerId()));
            assertThat(a.context.getBean(BanList.class).isBanned(attacker.peerId())).isTrue();
        }
        // a honest block published after the forged one was refused: once it is on e, anything a forwarded before it is too
        tip = mineOn(a, tip, "after the forged one");
        awaitOn(List.of(a, d, e), tip);
        for (TestNode node : List.of(d, e)) {
            assertThat(P2pSyncIT.penalties(node, "INVALID_BLOCK")).as(node.name).isZero();
            boolean known = node.chain.readTree(tree -> tree.contains(id(forged)));
            assertThat(known).as(node.name).isFalse();
        }
        assertThat(d.peers()).contains(a.peerId());
    }

    @Test
    @Order(4)
    void aBlockStampedBeyondTheFutureLimitIsNotForwardedAndCostsItsSenderNothing() {
        long tooNew = System.currentTimeMillis() / 1000 + TimeRules.MAX_FUTURE_SECONDS + 3_600;
        Block early = builder.child(tip).coinbaseTo(TestKeys.address(9)).coinbaseMemo("too new").timestamp(tooNew).build();
        double invalidBefore = P2pSyncIT.penalties(a, "INVALID_BLOCK");  // the forged block's, from the test before
        try (RawPeer sender = new RawPeer()) {
            sender.dial(a);
            await().atMost(PATIENCE).until(() -> a.peers().contains(sender.peerId()));
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> sender.publish(early).peers() > 0);
            // a hears it at once and checks it in milliseconds; the old verdict (REJECT, a ban) would show within these seconds
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                    .until(() -> a.peers().contains(sender.peerId()) && P2pSyncIT.penalties(a, "INVALID_BLOCK") == invalidBefore);
            tip = mineOn(a, tip, "after the early one");
            awaitOn(List.of(a, d, e), tip);
            assertThat(a.peers()).as("a clock ahead of ours is no reason to ban").contains(sender.peerId());
            assertThat(a.context.getBean(BanList.class).isBanned(sender.peerId())).isFalse();
            assertThat(a.context.getBean(PeerScores.class).score(sender.peerId())).isZero();
            assertThat(P2pSyncIT.penalties(a, "INVALID_BLOCK")).isEqualTo(invalidBefore);
            for (TestNode node : List.of(d, e)) {
                assertThat(P2pSyncIT.penalties(node, "INVALID_BLOCK")).as(node.name).isZero();
            }
            for (TestNode node : List.of(a, d, e)) {
                boolean known = node.chain.readTree(tree -> tree.contains(id(early)));
                assertThat(known).as(node.name + " stored the early block").isFalse();
            }
        }
    }

    /** Whether {@code peer} is in {@code node}'s blocks-topic mesh (it forwards blocks to it). */
    private static boolean inMesh(TestNode node, TestNode peer) {
        String topic = NetworkProtocols.of(Network.REGTEST, Duration.ofSeconds(5)).blocksTopic();
        return node.p2p.gossip().onRouter(router -> router.meshPeers(topic)).join().contains(peer.peerId());
    }

    private Block mineOn(TestNode node, Block parent, String memo) {
        Block block = builder.child(parent).coinbaseTo(TestKeys.address(2)).coinbaseMemo(memo).build();
        assertThat(node.submit(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        return block;
    }

    private static void awaitOn(List<TestNode> nodes, Block block) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(nodes).allSatisfy(node -> assertThat(node.tip()).as(node.name).isEqualTo(id(block))));
    }

    private static Hash256 id(Block block) {
        return BlockHeaderCodec.id(block.header());
    }
}
