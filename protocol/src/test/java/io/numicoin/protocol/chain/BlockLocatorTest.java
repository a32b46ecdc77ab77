package io.numicoin.protocol.chain;

import static io.numicoin.protocol.chain.ChainFixture.GENESIS;
import static io.numicoin.protocol.chain.ChainFixture.addAll;
import static io.numicoin.protocol.chain.ChainFixture.branch;
import static io.numicoin.protocol.chain.ChainFixture.child;
import static io.numicoin.protocol.chain.ChainFixture.id;
import static io.numicoin.protocol.chain.ChainFixture.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.chain.AddHeaderResult.Outcome;
import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockLocatorTest {

    /** main.get(h) is the header at height h (genesis at 0), 1,000 blocks. */
    private final List<BlockHeader> main = withGenesis(branch(GENESIS, 1_000, 4, 1));
    /** A peer's branch leaving main at height 500, running to height 1,100. */
    private final List<BlockHeader> peerBranch = branch(main.get(500), 600, 3, 2);

    private static List<BlockHeader> withGenesis(List<BlockHeader> headers) {
        List<BlockHeader> all = new ArrayList<>(headers.size() + 1);
        all.add(GENESIS);
        all.addAll(headers);
        return all;
    }

    private BlockTree ourTree() {
        BlockTree tree = new BlockTree(GENESIS);
        addAll(tree, main.subList(1, main.size()));
        return tree;
    }

    private BlockTree peerTree() {
        BlockTree tree = new BlockTree(GENESIS);
        addAll(tree, main.subList(1, 501));
        addAll(tree, peerBranch);
        return tree;
    }

    private static List<Long> heights(BlockTree tree, List<Hash256> locator) {
        return locator.stream().map(id -> tree.entry(id).orElseThrow().height()).toList();
    }

    @Test
    void locatorIsDenseNearTheTipThenDoublesDownToGenesis() {
        BlockTree tree = ourTree();

        assertThat(heights(tree, tree.locator(id(main.get(1_000))))).containsExactly(
                1000L, 999L, 998L, 997L, 996L, 995L, 994L, 993L, 992L, 991L,
                989L, 985L, 977L, 961L, 929L, 865L, 737L, 481L, 0L);
        assertThat(heights(tree, tree.locator(id(main.get(5))))).containsExactly(5L, 4L, 3L, 2L, 1L, 0L);
        assertThat(tree.locator(id(GENESIS))).containsExactly(id(GENESIS));
        assertThat(tree.locator(id(main.get(12)))).endsWith(id(GENESIS)).doesNotHaveDuplicates();
    }

    @Test
    void locatorFollowsTheBranchItIsAskedFor() {
        BlockTree peer = peerTree();
        List<Hash256> locator = peer.locator(id(last(peerBranch)));

        assertThat(heights(peer, locator)).containsExactly(
                1100L, 1099L, 1098L, 1097L, 1096L, 1095L, 1094L, 1093L, 1092L, 1091L,
                1089L, 1085L, 1077L, 1061L, 1029L, 965L, 837L, 581L, 69L, 0L);
        assertThat(locator.get(17)).isEqualTo(id(peerBranch.get(80)));
        assertThat(locator.get(18)).isEqualTo(id(main.get(69)));
    }

    @Test
    void findForkSkipsEntriesWeDoNotKnowOrHaveOnAnotherBranch() {
        BlockTree ours = ourTree();
        List<Hash256> peerLocator = peerTree().locator(id(last(peerBranch)));
        Hash256 ourTip = id(main.get(1_000));

        assertThat(ours.findFork(peerLocator, ourTip)).contains(id(main.get(69)));

        addAll(ours, peerBranch.subList(0, 300));  // now known, but on a side branch
        assertThat(ours.findFork(peerLocator, ourTip)).contains(id(main.get(69)));
        assertThat(ours.findFork(peerLocator, id(peerBranch.get(299)))).contains(id(peerBranch.get(80)));
    }

    @Test
    void findForkFindsNothingAcrossDifferentGenesis() {
        BlockHeader otherGenesis = GENESIS.withNonce(77);
        BlockTree other = new BlockTree(otherGenesis);
        addAll(other, branch(otherGenesis, 30, 4, 1));

        assertThat(ourTree().findFork(other.locator(other.bestHeaderTip().id()), id(main.get(1_000)))).isEmpty();
        assertThat(ourTree().findFork(List.of(), id(main.get(1_000)))).isEqualTo(Optional.empty());
    }

    @Test
    void headersAfterTheForkLetThePeerCatchUp() {
        BlockTree ours = ourTree();
        BlockTree peer = peerTree();
        Hash256 fork = ours.findFork(peer.locator(id(last(peerBranch))), id(main.get(1_000))).orElseThrow();

        List<BlockHeader> served = ours.headersAfter(fork, id(main.get(1_000)), BlockTree.MAX_HEADERS_PER_MESSAGE);

        assertThat(served).containsExactlyElementsOf(main.subList(70, 1_001));
        long added = served.stream().filter(h -> peer.addHeader(h).outcome() == Outcome.ADDED).count();
        assertThat(added).isEqualTo(500);
        assertThat(peer.contains(id(main.get(1_000)))).isTrue();
    }

    @Test
    void headersAfterIsCappedAndCounted() {
        BlockTree tree = new BlockTree(GENESIS);
        List<BlockHeader> chain = branch(GENESIS, 2_500, 2, 1);
        addAll(tree, chain);
        Hash256 tip = id(last(chain));

        assertThat(tree.headersAfter(id(GENESIS), tip, 5_000)).hasSize(2_000)
                .startsWith(chain.get(0)).endsWith(chain.get(1_999));
        assertThat(tree.headersAfter(id(chain.get(99)), tip, 10)).containsExactlyElementsOf(chain.subList(100, 110));
        assertThat(tree.headersAfter(id(chain.get(2_495)), tip, 10)).containsExactlyElementsOf(chain.subList(2_496, 2_500));
        assertThat(tree.headersAfter(tip, tip, 10)).isEmpty();
        assertThat(tree.headersAfter(id(GENESIS), tip, 0)).isEmpty();
        assertThatThrownBy(() -> tree.headersAfter(id(GENESIS), tip, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headersAfterABlockOnAnotherBranchStartAboveWhereItLeavesOurs() {
        BlockTree ours = ourTree();
        addAll(ours, peerBranch.subList(0, 50));

        List<BlockHeader> served = ours.headersAfter(id(peerBranch.get(49)), id(main.get(1_000)), 5);

        assertThat(served).containsExactlyElementsOf(main.subList(501, 506));
    }

    @Test
    void repeatedRoundsSyncAPeerFromGenesis() {
        BlockTree ours = new BlockTree(GENESIS);
        List<BlockHeader> chain = branch(GENESIS, 4_500, 2, 1);
        addAll(ours, chain);
        ours.addHeader(child(chain.get(3_000), 1, 5));  // a stale side block, never served
        Hash256 ourTip = id(last(chain));
        BlockTree peer = new BlockTree(GENESIS);

        int rounds = 0;
        while (true) {
            Hash256 fork = ours.findFork(peer.locator(peer.bestHeaderTip().id()), ourTip).orElseThrow();
            List<BlockHeader> batch = ours.headersAfter(fork, ourTip, BlockTree.MAX_HEADERS_PER_MESSAGE);
            if (batch.isEmpty()) {
                break;
            }
            addAll(peer, batch);
            rounds++;
        }

        assertThat(rounds).isEqualTo(3);
        assertThat(peer.bestHeaderTip().id()).isEqualTo(ourTip);
        assertThat(peer.size()).isEqualTo(4_501);
    }
}
