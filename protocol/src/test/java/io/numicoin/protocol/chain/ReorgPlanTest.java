package io.numicoin.protocol.chain;

import static io.numicoin.protocol.chain.ChainFixture.GENESIS;
import static io.numicoin.protocol.chain.ChainFixture.addAll;
import static io.numicoin.protocol.chain.ChainFixture.branch;
import static io.numicoin.protocol.chain.ChainFixture.id;
import static io.numicoin.protocol.chain.ChainFixture.ids;
import static io.numicoin.protocol.chain.ChainFixture.last;
import static io.numicoin.protocol.chain.ChainFixture.markAllData;
import static io.numicoin.protocol.chain.ChainFixture.randomBranch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReorgPlanTest {

    static IntStream depths() {
        return IntStream.rangeClosed(1, 50);
    }

    @ParameterizedTest
    @MethodSource("depths")
    void reorgOfDepthDisconnectsDownwardThenConnectsUpward(int depth) {
        Random random = new Random(1000 + depth);
        BlockTree tree = new BlockTree(GENESIS);
        List<BlockHeader> common = randomBranch(GENESIS, 20, random);
        List<BlockHeader> current = branch(last(common), depth, 4, 1);
        List<BlockHeader> rival = branch(last(common), depth + random.nextInt(3), 5, 2);
        addAll(tree, common);
        addAll(tree, current);
        addAll(tree, rival);
        markAllData(tree, common);
        markAllData(tree, current);
        markAllData(tree, rival);
        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(last(rival)));

        ReorgPlan plan = tree.planReorg(id(last(current)), tree.bestBlockCandidate().id());

        assertThat(plan.forkPoint()).isEqualTo(id(last(common)));
        assertThat(plan.disconnect()).hasSize(depth).containsExactlyElementsOf(ids(current).reversed());
        assertThat(plan.connect()).hasSize(rival.size()).containsExactlyElementsOf(ids(rival));
        assertThat(plan.disconnect().getFirst()).isEqualTo(id(last(current)));
        assertThat(plan.connect().getLast()).isEqualTo(id(last(rival)));
        assertThat(plan.isExtension()).isFalse();

        ReorgPlan back = tree.planReorg(id(last(rival)), id(last(current)));
        assertThat(back.forkPoint()).isEqualTo(plan.forkPoint());
        assertThat(back.disconnect()).containsExactlyElementsOf(plan.connect().reversed());
        assertThat(back.connect()).containsExactlyElementsOf(plan.disconnect().reversed());
    }

    @Test
    void extendingTheTipDisconnectsNothing() {
        BlockTree tree = new BlockTree(GENESIS);
        List<BlockHeader> chain = branch(GENESIS, 7, 3, 1);
        addAll(tree, chain);

        ReorgPlan plan = tree.planReorg(id(chain.get(2)), id(last(chain)));

        assertThat(plan.isExtension()).isTrue();
        assertThat(plan.forkPoint()).isEqualTo(id(chain.get(2)));
        assertThat(plan.connect()).containsExactlyElementsOf(ids(chain.subList(3, 7)));
    }

    @Test
    void fromGenesisConnectsTheWholeBranch() {
        BlockTree tree = new BlockTree(GENESIS);
        List<BlockHeader> chain = branch(GENESIS, 5, 3, 1);
        addAll(tree, chain);

        ReorgPlan plan = tree.planReorg(id(GENESIS), id(last(chain)));

        assertThat(plan.forkPoint()).isEqualTo(id(GENESIS));
        assertThat(plan.disconnect()).isEmpty();
        assertThat(plan.connect()).containsExactlyElementsOf(ids(chain));
    }

    @Test
    void movingBackToAnAncestorConnectsNothing() {
        BlockTree tree = new BlockTree(GENESIS);
        List<BlockHeader> chain = branch(GENESIS, 6, 3, 1);
        addAll(tree, chain);

        ReorgPlan plan = tree.planReorg(id(last(chain)), id(chain.get(1)));

        assertThat(plan.forkPoint()).isEqualTo(id(chain.get(1)));
        assertThat(plan.connect()).isEmpty();
        assertThat(plan.disconnect()).containsExactly(
                id(chain.get(5)), id(chain.get(4)), id(chain.get(3)), id(chain.get(2)));
    }

    @Test
    void sameTipIsAnEmptyPlan() {
        BlockTree tree = new BlockTree(GENESIS);
        List<BlockHeader> chain = branch(GENESIS, 3, 3, 1);
        addAll(tree, chain);

        ReorgPlan plan = tree.planReorg(id(last(chain)), id(last(chain)));

        assertThat(plan).isEqualTo(new ReorgPlan(id(last(chain)), List.of(), List.of()));
    }

    @Test
    void unknownTipsAreRejected() {
        BlockTree tree = new BlockTree(GENESIS);
        assertThatThrownBy(() -> tree.planReorg(id(GENESIS), Hash256.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
