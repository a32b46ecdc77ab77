package io.numicoin.protocol.chain;

import static io.numicoin.protocol.chain.ChainFixture.GENESIS;
import static io.numicoin.protocol.chain.ChainFixture.child;
import static io.numicoin.protocol.chain.ChainFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.chain.AddHeaderResult.Outcome;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random trees (seeded) with random data, valid and invalid marks, checked after every step
 * against answers worked out the slow way from parent links alone.
 */
class RandomTreeModelTest {

    private final Map<Hash256, BlockHeader> headers = new HashMap<>();
    private final Map<Hash256, Hash256> parents = new HashMap<>();
    private final Map<Hash256, BigInteger> blockWork = new HashMap<>();
    private final List<Hash256> order = new ArrayList<>();
    private final Set<Hash256> withData = new HashSet<>();
    private final Set<Hash256> markedValid = new HashSet<>();
    private final Set<Hash256> markedInvalid = new HashSet<>();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void bestTipsStatusesAndPlansMatchTheSlowAnswers(long seed) {
        Random random = new Random(seed);
        BlockTree tree = new BlockTree(GENESIS);
        record(GENESIS);
        withData.add(id(GENESIS));
        markedValid.add(id(GENESIS));
        for (int step = 0; step < 1_000; step++) {
            int op = random.nextInt(100);
            Hash256 someone = order.get(order.size() - 1 - random.nextInt(Math.min(order.size(), 40)));
            if (op < 55) {
                Hash256 parent = random.nextBoolean() ? tree.bestHeaderTip().id() : someone;
                BlockHeader header = child(headers.get(parent), 1 + random.nextInt(4), random.nextLong());
                Outcome expected = isInvalid(parent) ? Outcome.PARENT_INVALID : Outcome.ADDED;
                assertThat(tree.addHeader(header).outcome()).isEqualTo(expected);
                record(header);
            } else if (op < 85) {
                Hash256 target = random.nextBoolean() ? nextToDownload(tree).orElse(someone) : someone;
                tree.markDataAvailable(target);
                withData.add(target);
            } else if (op < 98) {
                if (!isInvalid(someone)) {
                    tree.markValid(someone);
                    withData.add(someone);
                    markedValid.add(someone);
                }
            } else if (!someone.equals(id(GENESIS))) {
                tree.markInvalid(someone);
                markedInvalid.add(someone);
            }
            check(tree, random);
        }
        // the run covered deep branches, connected most of them and invalidated some
        assertThat(tree.bestHeaderTip().height()).isGreaterThan(100);
        assertThat(tree.bestBlockCandidate().height()).isGreaterThan(100);
        assertThat(markedInvalid).isNotEmpty();
    }

    /** As headers-first sync would: the lowest block without a body between the candidate and the best header. */
    private static Optional<Hash256> nextToDownload(BlockTree tree) {
        ReorgPlan plan = tree.planReorg(tree.bestBlockCandidate().id(), tree.bestHeaderTip().id());
        return plan.connect().stream().filter(id -> !tree.entry(id).orElseThrow().status().hasData()).findFirst();
    }

    private void record(BlockHeader header) {
        Hash256 id = id(header);
        headers.put(id, header);
        blockWork.put(id, header.target().work());
        order.add(id);
        if (header.height() > 0) {
            parents.put(id, header.previousId());
        }
    }

    private void check(BlockTree tree, Random random) {
        Map<Hash256, BigInteger> work = new HashMap<>();
        Map<Hash256, Boolean> invalid = new HashMap<>();
        Map<Hash256, Boolean> fullChain = new HashMap<>();
        Hash256 bestHeader = null;
        BigInteger bestFullWork = BigInteger.ZERO;
        List<BlockIndexEntry> wrong = new ArrayList<>();
        for (Hash256 id : order) {  // parents come before their children
            Hash256 parent = parents.get(id);
            boolean root = parent == null;
            work.put(id, (root ? BigInteger.ZERO : work.get(parent)).add(blockWork.get(id)));
            invalid.put(id, markedInvalid.contains(id) || (!root && invalid.get(parent)));
            fullChain.put(id, !invalid.get(id) && withData.contains(id) && (root || fullChain.get(parent)));
            BlockIndexEntry entry = tree.entry(id).orElseThrow();
            if (entry.status() != expectedStatus(id, invalid.get(id)) || !entry.cumulativeWork().equals(work.get(id))) {
                wrong.add(entry);
            }
            if (!invalid.get(id) && (bestHeader == null || work.get(id).compareTo(work.get(bestHeader)) > 0)) {
                bestHeader = id;  // strictly more work: on a tie the earlier one stays
            }
            if (fullChain.get(id)) {
                bestFullWork = bestFullWork.max(work.get(id));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(tree.bestHeaderTip().id()).isEqualTo(bestHeader);
        BlockIndexEntry candidate = tree.bestBlockCandidate();
        assertThat(fullChain.get(candidate.id())).isTrue();
        assertThat(candidate.cumulativeWork()).isEqualTo(bestFullWork);

        Hash256 a = order.get(random.nextInt(order.size()));
        Hash256 b = order.get(random.nextInt(order.size()));
        ReorgPlan plan = tree.planReorg(a, b);
        List<Hash256> pathA = pathFromGenesis(a);
        List<Hash256> pathB = pathFromGenesis(b);
        int common = 0;
        while (common < Math.min(pathA.size(), pathB.size()) && pathA.get(common).equals(pathB.get(common))) {
            common++;
        }
        assertThat(plan.forkPoint()).isEqualTo(pathA.get(common - 1));
        assertThat(plan.disconnect()).containsExactlyElementsOf(pathA.subList(common, pathA.size()).reversed());
        assertThat(plan.connect()).containsExactlyElementsOf(pathB.subList(common, pathB.size()));
        int height = random.nextInt(pathA.size());
        assertThat(tree.ancestor(a, height).id()).isEqualTo(pathA.get(height));
    }

    private BlockStatus expectedStatus(Hash256 id, boolean invalid) {
        if (markedInvalid.contains(id)) {
            return BlockStatus.INVALID;
        }
        if (invalid) {
            return BlockStatus.INVALID_ANCESTOR;
        }
        if (markedValid.contains(id)) {
            return BlockStatus.VALID;
        }
        return withData.contains(id) ? BlockStatus.DATA_AVAILABLE : BlockStatus.HEADER_ONLY;
    }

    private boolean isInvalid(Hash256 id) {
        return pathFromGenesis(id).stream().anyMatch(markedInvalid::contains);
    }

    private List<Hash256> pathFromGenesis(Hash256 id) {
        List<Hash256> path = new ArrayList<>();
        for (Hash256 walk = id; walk != null; walk = parents.get(walk)) {
            path.add(walk);
        }
        return path.reversed();
    }
}
