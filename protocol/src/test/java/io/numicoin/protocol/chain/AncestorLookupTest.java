package io.numicoin.protocol.chain;

import static io.numicoin.protocol.chain.ChainFixture.GENESIS;
import static io.numicoin.protocol.chain.ChainFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ancestor lookups on a 100,000-block chain with a side branch. Each lookup is O(log n) (about a
 * second for the million below); walking parent by parent would average 50,000 steps a lookup,
 * some 5 * 10^10 in all, far past the timeout.
 */
class AncestorLookupTest {

    private static final int LENGTH = 100_000;

    private static BlockTree tree;
    private static List<BlockHeader> main;
    /** Side branch leaving the main chain at height 60,000 and running 5,000 blocks. */
    private static List<BlockHeader> side;

    @BeforeAll
    static void buildChain() {
        Random random = new Random(7);
        tree = new BlockTree(GENESIS);
        main = new ArrayList<>(LENGTH + 1);
        main.add(GENESIS);
        for (int height = 1; height <= LENGTH; height++) {
            BlockHeader header = ChainFixture.child(main.getLast(), 1 + random.nextInt(20), random.nextLong());
            tree.addHeader(header);
            main.add(header);
        }
        side = new ArrayList<>();
        BlockHeader parent = main.get(60_000);
        for (int i = 0; i < 5_000; i++) {
            parent = ChainFixture.child(parent, 1, random.nextLong());
            tree.addHeader(parent);
            side.add(parent);
        }
    }

    @Test
    void randomLookupsOnTheMainChainMatchTheHeights() {
        Random random = new Random(8);
        Hash256 tip = id(main.getLast());
        int wrong = 0;
        for (int i = 0; i < 50_000; i++) {
            int height = random.nextInt(LENGTH + 1);
            BlockIndexEntry entry = tree.ancestor(tip, height);
            if (entry.height() != height || entry.header() != main.get(height)) {
                wrong++;
            }
        }
        assertThat(wrong).isZero();
        assertThat(tree.ancestor(tip, LENGTH).id()).isEqualTo(tip);
        assertThat(tree.ancestor(tip, 0).id()).isEqualTo(id(GENESIS));
    }

    @Test
    void lookupsFromAnywhereFollowTheirOwnBranch() {
        Random random = new Random(9);
        List<Hash256> mainIds = main.stream().map(ChainFixture::id).toList();
        int wrong = 0;
        for (int i = 0; i < 20_000; i++) {
            int from = random.nextInt(LENGTH + 1);
            int height = random.nextInt(from + 1);
            if (tree.ancestor(mainIds.get(from), height).header() != main.get(height)) {
                wrong++;
            }
        }
        Hash256 sideTip = id(side.getLast());
        for (int i = 0; i < 20_000; i++) {
            int height = random.nextInt(65_001);
            BlockHeader expected = height <= 60_000 ? main.get(height) : side.get(height - 60_001);
            if (tree.ancestor(sideTip, height).header() != expected) {
                wrong++;
            }
        }
        assertThat(wrong).isZero();
    }

    @Test
    void branchViewsSeeTheirOwnHistory() {
        HeaderChain mainView = tree.branch(id(main.getLast()));
        HeaderChain sideView = tree.branch(id(side.getLast()));

        assertThat(mainView.tip()).isSameAs(main.getLast());
        assertThat(sideView.tip()).isSameAs(side.getLast());
        assertThat(mainView.atHeight(62_000)).isSameAs(main.get(62_000));
        assertThat(sideView.atHeight(62_000)).isSameAs(side.get(1_999));
        assertThat(sideView.atHeight(60_000)).isSameAs(main.get(60_000));
        assertThat(sideView.atHeight(0)).isSameAs(GENESIS);
        assertThatThrownBy(() -> sideView.atHeight(65_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mainView.atHeight(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void branchMembershipFollowsTheFork() {
        Hash256 sideTip = id(side.getLast());
        assertThat(tree.isOnBranch(id(main.get(60_000)), sideTip)).isTrue();
        assertThat(tree.isOnBranch(id(main.get(60_001)), sideTip)).isFalse();
        assertThat(tree.isOnBranch(sideTip, id(main.getLast()))).isFalse();
        assertThat(tree.isOnBranch(Hash256.ZERO, sideTip)).isFalse();
    }

    @Test
    void skipHeightsAlwaysPointBelow() {
        for (long height = 0; height < 5_000; height++) {
            long skip = TreeNode.skipHeight(height);
            assertThat(skip).isBetween(0L, Math.max(0, height - 1));
        }
        assertThat(TreeNode.skipHeight(1L << 40)).isZero();
        assertThat(TreeNode.skipHeight(96)).isEqualTo(64);
    }
}
