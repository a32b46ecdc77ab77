package io.numicoin.protocol.chain;

import static io.numicoin.protocol.chain.ChainFixture.GENESIS;
import static io.numicoin.protocol.chain.ChainFixture.addAll;
import static io.numicoin.protocol.chain.ChainFixture.branch;
import static io.numicoin.protocol.chain.ChainFixture.child;
import static io.numicoin.protocol.chain.ChainFixture.id;
import static io.numicoin.protocol.chain.ChainFixture.last;
import static io.numicoin.protocol.chain.ChainFixture.markAllData;
import static io.numicoin.protocol.chain.ChainFixture.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.chain.AddHeaderResult.Outcome;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockTreeForkChoiceTest {

    @Test
    void startsAtGenesisWhichCountsAsConnected() {
        BlockTree tree = new BlockTree(GENESIS);

        BlockIndexEntry genesis = tree.genesis();
        assertThat(genesis.id()).isEqualTo(id(GENESIS));
        assertThat(genesis.height()).isZero();
        assertThat(genesis.status()).isEqualTo(BlockStatus.VALID);
        assertThat(genesis.cumulativeWork()).isEqualTo(BigInteger.TWO);
        assertThat(tree.bestHeaderTip()).isEqualTo(genesis);
        assertThat(tree.bestBlockCandidate()).isEqualTo(genesis);
        assertThat(tree.size()).isEqualTo(1);
    }

    @Test
    void rejectsGenesisAboveHeightZero() {
        assertThatThrownBy(() -> new BlockTree(child(GENESIS, 1, 0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addHeaderReportsEachOutcome() {
        BlockTree tree = new BlockTree(GENESIS);
        BlockHeader first = child(GENESIS, 4, 1);
        BlockHeader second = child(first, 5, 1);
        BlockHeader wrongHeight = new BlockHeader(1, 5, id(first), Hash256.ZERO, Hash256.ZERO, 1, first.target(), 9);

        assertThat(tree.addHeader(second)).isEqualTo(new AddHeaderResult(Outcome.UNKNOWN_PARENT, id(second)));
        assertThat(tree.contains(id(second))).isFalse();
        assertThat(tree.addHeader(first)).isEqualTo(new AddHeaderResult(Outcome.ADDED, id(first)));
        assertThat(tree.addHeader(first).outcome()).isEqualTo(Outcome.ALREADY_KNOWN);
        assertThat(tree.addHeader(GENESIS).outcome()).isEqualTo(Outcome.ALREADY_KNOWN);
        assertThat(tree.addHeader(wrongHeight).outcome()).isEqualTo(Outcome.BAD_HEIGHT);
        assertThat(tree.contains(id(wrongHeight))).isFalse();
        assertThat(tree.addHeader(second).outcome()).isEqualTo(Outcome.ADDED);

        BlockIndexEntry entry = tree.entry(id(second)).orElseThrow();
        assertThat(entry.parentId()).isEqualTo(id(first));
        assertThat(entry.height()).isEqualTo(2);
        assertThat(entry.cumulativeWork()).isEqualTo(BigInteger.valueOf(2 + 16 + 32));
        assertThat(entry.status()).isEqualTo(BlockStatus.HEADER_ONLY);
        assertThat(entry.firstSeen()).isEqualTo(2);
        assertThat(tree.size()).isEqualTo(3);
    }

    @Test
    void aShorterBranchWithMoreWorkWinsWhicheverArrivesFirst() {
        List<BlockHeader> longLight = branch(GENESIS, 10, 4, 1);  // 10 x 16 = 160
        List<BlockHeader> shortHeavy = branch(GENESIS, 3, 8, 2);  // 3 x 256 = 768
        for (boolean longFirst : new boolean[] {true, false}) {
            BlockTree tree = new BlockTree(GENESIS);
            addAll(tree, longFirst ? longLight : shortHeavy);
            addAll(tree, longFirst ? shortHeavy : longLight);

            BlockIndexEntry best = tree.bestHeaderTip();
            assertThat(best.id()).isEqualTo(id(last(shortHeavy)));
            assertThat(best.height()).isEqualTo(3);
            assertThat(best.cumulativeWork()).isEqualTo(BigInteger.valueOf(2 + 768));
            assertThat(tree.entry(id(last(longLight))).orElseThrow().cumulativeWork()).isEqualTo(BigInteger.valueOf(2 + 160));

            markAllData(tree, longLight);
            assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(last(longLight)));
            markAllData(tree, shortHeavy);
            assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(last(shortHeavy)));
        }
    }

    @Test
    void onEqualWorkTheHeaderSeenFirstStays() {
        BlockTree tree = new BlockTree(GENESIS);
        List<BlockHeader> first = branch(GENESIS, 3, 6, 1);
        List<BlockHeader> second = branch(GENESIS, 3, 6, 2);
        addAll(tree, first);
        addAll(tree, second);

        assertThat(work(first)).isEqualTo(work(second));
        assertThat(tree.bestHeaderTip().id()).isEqualTo(id(last(first)));

        BlockHeader extension = child(last(second), 1, 3);
        tree.addHeader(extension);
        assertThat(tree.bestHeaderTip().id()).isEqualTo(id(extension));
    }

    @Test
    void onEqualWorkTheBranchWhoseBodiesCameFirstStaysCandidate() {
        BlockTree tree = new BlockTree(GENESIS);
        List<BlockHeader> first = branch(GENESIS, 3, 6, 1);
        List<BlockHeader> second = branch(GENESIS, 3, 6, 2);
        addAll(tree, first);
        addAll(tree, second);

        markAllData(tree, second);
        tree.markValid(id(last(second)));
        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(last(second)));

        markAllData(tree, first);
        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(last(second)));
        assertThat(tree.bestHeaderTip().id()).isEqualTo(id(last(first)));

        BlockHeader heavier = child(last(first), 1, 4);
        tree.addHeader(heavier);
        tree.markDataAvailable(id(heavier));
        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(heavier));
    }

    @Test
    void headersWithoutBodiesNeverBecomeTheCandidate() {
        BlockTree tree = new BlockTree(GENESIS);
        List<BlockHeader> chain = branch(GENESIS, 8, 10, 1);
        addAll(tree, chain);

        assertThat(tree.bestHeaderTip().id()).isEqualTo(id(last(chain)));
        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(GENESIS));

        for (int i = 0; i < chain.size(); i++) {
            if (i != 4) {
                tree.markDataAvailable(id(chain.get(i)));
            }
        }
        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(chain.get(3)));
        assertThat(tree.entry(id(chain.get(7))).orElseThrow().status()).isEqualTo(BlockStatus.DATA_AVAILABLE);

        tree.markValid(id(chain.get(4)));
        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(last(chain)));
        assertThat(tree.entry(id(chain.get(4))).orElseThrow().status()).isEqualTo(BlockStatus.VALID);
    }

    @Test
    void markingDataTwiceOrAfterValidChangesNothing() {
        BlockTree tree = new BlockTree(GENESIS);
        BlockHeader block = child(GENESIS, 3, 1);
        tree.addHeader(block);
        tree.markValid(id(block));
        tree.markDataAvailable(id(block));

        assertThat(tree.entry(id(block)).orElseThrow().status()).isEqualTo(BlockStatus.VALID);
        assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(block));
        assertThatThrownBy(() -> tree.markDataAvailable(Hash256.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
