package io.numicoin.protocol.chain;

import static io.numicoin.protocol.chain.ChainFixture.GENESIS;
import static io.numicoin.protocol.chain.ChainFixture.addAll;
import static io.numicoin.protocol.chain.ChainFixture.branch;
import static io.numicoin.protocol.chain.ChainFixture.child;
import static io.numicoin.protocol.chain.ChainFixture.id;
import static io.numicoin.protocol.chain.ChainFixture.last;
import static io.numicoin.protocol.chain.ChainFixture.markAllData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.chain.AddHeaderResult.Outcome;
import io.numicoin.protocol.hash.Hash256;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidBlockTest {

    private final BlockTree tree = new BlockTree(GENESIS);
    private final List<BlockHeader> chain = branch(GENESIS, 10, 5, 1);  // heights 1..10, index i = height i+1

    private BlockStatus status(BlockHeader header) {
        return tree.entry(id(header)).orElseThrow().status();
    }

    @Test
    void anInvalidBlockTakesItsDescendantsWithItAndLeavesThePrefixBest() {
        addAll(tree, chain);
        markAllData(tree, chain);
        for (BlockHeader header : chain.subList(0, 4)) {
            tree.markValid(id(header));
        }
        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(last(chain)));

        tree.markInvalid(id(chain.get(4)));

        assertThat(status(chain.get(4))).isEqualTo(BlockStatus.INVALID);
        for (BlockHeader header : chain.subList(5, 10)) {
            assertThat(status(header)).isEqualTo(BlockStatus.INVALID_ANCESTOR);
            assertThat(tree.isKnownInvalid(id(header))).isTrue();
        }
        for (BlockHeader header : chain.subList(0, 4)) {
            assertThat(status(header)).isEqualTo(BlockStatus.VALID);
            assertThat(tree.isKnownInvalid(id(header))).isFalse();
        }
        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(chain.get(3)));
        assertThat(tree.bestHeaderTip().id()).isEqualTo(id(chain.get(3)));
    }

    @Test
    void headersArrivingUnderAnInvalidBlockLaterAreRecordedAsInvalid() {
        addAll(tree, chain.subList(0, 6));
        tree.markInvalid(id(chain.get(4)));

        AddHeaderResult underChild = tree.addHeader(chain.get(6));
        assertThat(underChild).isEqualTo(new AddHeaderResult(Outcome.PARENT_INVALID, id(chain.get(6))));
        assertThat(status(chain.get(6))).isEqualTo(BlockStatus.INVALID_ANCESTOR);
        assertThat(tree.addHeader(chain.get(7)).outcome()).isEqualTo(Outcome.PARENT_INVALID);
        BlockHeader sibling = child(chain.get(4), 20, 99);
        assertThat(tree.addHeader(sibling).outcome()).isEqualTo(Outcome.PARENT_INVALID);
        assertThat(tree.addHeader(sibling).outcome()).isEqualTo(Outcome.ALREADY_KNOWN);
        assertThat(tree.isKnownInvalid(id(sibling))).isTrue();

        assertThat(tree.bestHeaderTip().id()).isEqualTo(id(chain.get(3)));
        tree.markDataAvailable(id(sibling));
        assertThat(status(sibling)).isEqualTo(BlockStatus.INVALID_ANCESTOR);
        assertThatThrownBy(() -> tree.markValid(id(sibling))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRivalBranchTakesOverWhenTheHeavierOneTurnsInvalid() {
        addAll(tree, chain);
        markAllData(tree, chain);
        List<BlockHeader> rival = branch(chain.get(1), 3, 6, 2);  // from height 2: 3 x 64 beats 2 x 32 but not 8 x 32
        addAll(tree, rival);
        markAllData(tree, rival);
        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(last(chain)));

        tree.markInvalid(id(chain.get(5)));

        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(last(rival)));
        assertThat(tree.bestHeaderTip().id()).isEqualTo(id(last(rival)));
        ReorgPlan plan = tree.planReorg(id(last(chain)), id(last(rival)));
        assertThat(plan.forkPoint()).isEqualTo(id(chain.get(1)));
        assertThat(plan.disconnect()).hasSize(8);
        assertThat(plan.connect()).hasSize(3);
    }

    @Test
    void markingTheSameBlockTwiceOrAnAncestorLaterIsConsistent() {
        addAll(tree, chain);
        tree.markInvalid(id(chain.get(7)));
        tree.markInvalid(id(chain.get(7)));
        tree.markInvalid(id(chain.get(2)));

        assertThat(status(chain.get(2))).isEqualTo(BlockStatus.INVALID);
        assertThat(status(chain.get(5))).isEqualTo(BlockStatus.INVALID_ANCESTOR);
        assertThat(status(chain.get(7))).isEqualTo(BlockStatus.INVALID);
        assertThat(status(chain.get(9))).isEqualTo(BlockStatus.INVALID_ANCESTOR);
        assertThat(tree.bestHeaderTip().id()).isEqualTo(id(chain.get(1)));
        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(GENESIS));
    }

    @Test
    void genesisAndUnknownBlocksCannotBeMarkedInvalid() {
        assertThatThrownBy(() -> tree.markInvalid(id(GENESIS))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.markInvalid(Hash256.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(tree.isKnownInvalid(Hash256.ZERO)).isFalse();
    }
}
