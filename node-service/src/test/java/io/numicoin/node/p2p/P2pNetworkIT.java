package io.numicoin.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Five whole nodes in one JVM (each its own Spring context and database, one shared Kafka broker,
 * only the first publishing events) on regtest: they find each other from one bootstrap address and
 * share blocks mined into one of them; split into two groups that both extend their chains, then
 * healed, every node ends on the branch with the most work with the same state commitment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class P2pNetworkIT {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    final EmbeddedKafka kafka = EmbeddedKafka.launch();
    final ChainBuilder builder = ChainBuilder.regtest();
    final List<TestNode> nodes = new ArrayList<>();
    Block sharedTip = builder.genesis();

    @AfterAll
    void stop() {
        nodes.forEach(TestNode::close);
        kafka.close();
    }

    @Test
    @Order(1)
    void fiveNodesFromOneBootstrapAddressShareMinedBlocks() {
        TestNode bootstrap = TestNode.start("a0", kafka, true, List.of());
        nodes.add(bootstrap);
        for (int i = 1; i < 5; i++) {
            nodes.add(TestNode.start("a" + i, kafka, false, List.of(bootstrap.address())));
        }
        await().atMost(PATIENCE).until(() -> bootstrap.peers().size() == 4);

        TestNode miner = nodes.get(3);
        for (Block block : builder.extend(sharedTip, 120, 1)) {
            assertThat(miner.submit(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
            sharedTip = block;
        }
        Hash256 expected = BlockHeaderCodec.id(sharedTip.header());
        awaitAllOn(nodes, expected);
        assertThat(nodes).allSatisfy(node -> assertThat(node.status().height()).isEqualTo(120));
    }

    @Test
    @Order(2)
    void partitionedGroupsBothGrowAndEveryNodeFollowsTheMostWorkBranchWhenHealed() {
        List<TestNode> left = nodes.subList(0, 3);
        List<TestNode> right = nodes.subList(3, 5);
        Set<io.numicoin.p2p.peer.PeerId> leftIds = left.stream().map(TestNode::peerId).collect(Collectors.toSet());
        Set<io.numicoin.p2p.peer.PeerId> rightIds = right.stream().map(TestNode::peerId).collect(Collectors.toSet());
        right.forEach(node -> node.partitionFrom(leftIds));
        left.forEach(node -> node.partitionFrom(rightIds));
        right.get(0).dial(right.get(1));
        await().atMost(PATIENCE).until(() -> right.get(1).peers().equals(Set.of(right.get(0).peerId())));

        List<Block> leftBranch = builder.extend(sharedTip, 5, 2);
        List<Block> rightBranch = builder.extend(sharedTip, 8, 3);
        leftBranch.forEach(block -> left.get(1).submit(block));
        rightBranch.forEach(block -> right.get(1).submit(block));
        Hash256 leftTip = BlockHeaderCodec.id(leftBranch.getLast().header());
        Hash256 rightTip = BlockHeaderCodec.id(rightBranch.getLast().header());
        awaitAllOn(left, leftTip);
        awaitAllOn(right, rightTip);

        nodes.forEach(TestNode::heal);
        right.get(0).dial(left.get(0));
        awaitAllOn(nodes, rightTip);
        Hash256 commitment = rightBranch.getLast().header().stateCommitment();
        assertThat(nodes).allSatisfy(node -> {
            assertThat(node.status().height()).isEqualTo(128);
            assertThat(node.stateCommitment()).isEqualTo(commitment);
        });
        sharedTip = rightBranch.getLast();
    }

    static void awaitAllOn(List<TestNode> group, Hash256 tip) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(group).allSatisfy(node -> assertThat(node.tip()).as(node.name).isEqualTo(tip)));
    }
}
