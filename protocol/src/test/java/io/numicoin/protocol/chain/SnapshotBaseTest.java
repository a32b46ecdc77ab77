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
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.protocol.validation.BlockRejection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tree whose chain up to a snapshot base holds headers only: the base as a node started from a snapshot sees it. */
class SnapshotBaseTest {

    private final BlockTree tree = new BlockTree(GENESIS);
    private final List<BlockHeader> toBase = branch(GENESIS, 20, 5, 1);  // heights 1..20; the base is 20
    private final BlockHeader base = last(toBase);

    private BlockStatus status(BlockHeader header) {
        return tree.entry(id(header)).orElseThrow().status();
    }

    @Test
    void theBaseAndItsAncestorsCountAsConnectedWithoutBodies() {
        addAll(tree, toBase);
        tree.markSnapshotBase(id(base));

        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(base));
        assertThat(tree.bestHeaderTip().id()).isEqualTo(id(base));
        assertThat(tree.snapshotBase().orElseThrow().id()).isEqualTo(id(base));
        for (BlockHeader header : toBase) {
            assertThat(status(header)).isEqualTo(BlockStatus.FROM_SNAPSHOT);
        }
        assertThat(tree.genesis().status()).isEqualTo(BlockStatus.VALID);
        // difficulty and time rules read the whole branch: every header is there
        assertThat(tree.branch(id(base)).atHeight(7)).isEqualTo(toBase.get(6));
        assertThat(tree.locator(id(base)).getLast()).isEqualTo(tree.genesis().id());
    }

    @Test
    void blocksAboveTheBaseConnectOnTopOfIt() {
        List<BlockHeader> above = branch(base, 5, 5, 2);
        addAll(tree, toBase);
        addAll(tree, above);
        markAllData(tree, above.subList(0, 3));  // bodies arrived before the restart
        tree.markSnapshotBase(id(base));

        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(above.get(2)));
        ReorgPlan plan = tree.planReorg(id(base), tree.bestBlockCandidate().id());
        assertThat(plan.disconnect()).isEmpty();
        assertThat(plan.connect()).containsExactly(id(above.get(0)), id(above.get(1)), id(above.get(2)));
        assertThat(tree.bestHeaderTip().id()).isEqualTo(id(last(above)));

        markAllData(tree, above.subList(3, 5));
        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(last(above)));
    }

    @Test
    void newHeadersAtOrBelowTheBaseAreRefusedSoNoBranchForksBelowIt() {
        addAll(tree, toBase);
        tree.markSnapshotBase(id(base));

        BlockHeader rivalAtBase = child(toBase.get(18), 5, 99);  // height 20, sibling of the base
        BlockHeader rivalLow = child(toBase.get(3), 9, 99);      // height 5, more work
        assertThat(tree.addHeader(rivalAtBase).outcome()).isEqualTo(Outcome.BELOW_SNAPSHOT_BASE);
        assertThat(tree.addHeader(rivalLow).outcome()).isEqualTo(Outcome.BELOW_SNAPSHOT_BASE);
        assertThat(tree.contains(id(rivalAtBase))).isFalse();
        assertThat(tree.addHeader(toBase.get(5)).outcome()).isEqualTo(Outcome.ALREADY_KNOWN);
        assertThat(tree.isBelowSnapshotBase(20)).isTrue();
        assertThat(tree.isBelowSnapshotBase(21)).isFalse();

        BlockHeader sibling = child(base, 5, 3);
        BlockHeader other = child(base, 5, 4);
        assertThat(tree.addHeader(sibling).outcome()).isEqualTo(Outcome.ADDED);
        assertThat(tree.addHeader(other).outcome()).isEqualTo(Outcome.ADDED);  // forks at the base are fine
    }

    @Test
    void blocksAtOrBelowTheBaseCannotBeInvalidNorLoseTheirStatus() {
        addAll(tree, toBase);
        tree.markSnapshotBase(id(base));

        assertThatThrownBy(() -> tree.markInvalid(id(base))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.markInvalid(id(toBase.get(2)))).isInstanceOf(IllegalArgumentException.class);
        tree.markDataAvailable(id(toBase.get(2)));
        tree.markValid(id(toBase.get(2)));
        assertThat(status(toBase.get(2))).isEqualTo(BlockStatus.FROM_SNAPSHOT);
    }

    @Test
    void theBaseMustBeTheOnlyBranchUpToItsHeight() {
        addAll(tree, toBase);
        addAll(tree, List.of(child(toBase.get(9), 5, 77)));  // a stale block at height 11

        assertThatThrownBy(() -> tree.markSnapshotBase(id(base))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 blocks");
    }

    @Test
    void theBaseIsSetOnce() {
        addAll(tree, toBase);
        tree.markSnapshotBase(id(toBase.get(9)));
        assertThatThrownBy(() -> tree.markSnapshotBase(id(base))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalidMarksAboveTheBaseKeepTheirReasonAndTellTheListener() {
        List<Hash256> told = new ArrayList<>();
        BlockTree listened = new BlockTree(GENESIS, new BlockTreeListener() {
            @Override
            public void rejected(Hash256 id, BlockRejection rejection) {
                told.add(id);
            }
        });
        List<BlockHeader> chain = branch(GENESIS, 3, 5, 1);
        addAll(listened, chain);
        BlockRejection why = BlockRejection.of(BlockRejectReason.BAD_NONCE, "nonce 7, expected 3");

        listened.markInvalid(id(chain.get(1)), why);

        assertThat(listened.rejection(id(chain.get(1)))).contains(why);
        assertThat(listened.rejection(id(chain.get(2)))).isEmpty();  // INVALID_ANCESTOR carries no reason of its own
        assertThat(listened.rejection(id(chain.get(0)))).isEmpty();
        assertThat(told).containsExactly(id(chain.get(1)));
    }
}
