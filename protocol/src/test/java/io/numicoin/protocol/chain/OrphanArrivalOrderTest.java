package io.numicoin.protocol.chain;

import static io.numicoin.protocol.chain.ChainFixture.GENESIS;
import static io.numicoin.protocol.chain.ChainFixture.addAll;
import static io.numicoin.protocol.chain.ChainFixture.child;
import static io.numicoin.protocol.chain.ChainFixture.id;
import static io.numicoin.protocol.chain.ChainFixture.last;
import static io.numicoin.protocol.chain.ChainFixture.markAllData;
import static io.numicoin.protocol.chain.ChainFixture.randomBranch;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Blocks of a branch fed in every order through {@link BlockTree} and {@link OrphanPool} end the same. */
class OrphanArrivalOrderTest {

    private record Shape(long height, Hash256 parentId, BigInteger cumulativeWork, BlockStatus status) {
    }

    private final Random random = new Random(42);
    private final List<BlockHeader> base = randomBranch(GENESIS, 4, random);
    private final List<BlockHeader> fresh = randomBranch(last(base), 5, random);

    @Test
    void everyOrderOfALinearBranchEndsInTheSameTree() {
        assertEveryOrderEndsTheSame(fresh, last(fresh));
    }

    @Test
    void everyOrderOfAForkedBranchEndsInTheSameTree() {
        // base tip -> a -> b -> c, and b -> d -> e, where e carries the most work
        BlockHeader a = child(last(base), 3, 11);
        BlockHeader b = child(a, 3, 12);
        BlockHeader c = child(b, 5, 13);
        BlockHeader d = child(b, 6, 14);
        BlockHeader e = child(d, 6, 15);
        assertEveryOrderEndsTheSame(List.of(a, b, c, d, e), e);
    }

    private void assertEveryOrderEndsTheSame(List<BlockHeader> blocks, BlockHeader expectedTip) {
        Map<Hash256, Shape> reference = null;
        int orders = 0;
        for (List<BlockHeader> order : permutations(blocks)) {
            BlockTree tree = new BlockTree(GENESIS);
            addAll(tree, base);
            markAllData(tree, base);
            OrphanPool<BlockHeader> pool = new OrphanPool<>(750, 1 << 20, 600);
            long now = 1_000;
            for (BlockHeader block : order) {
                receive(tree, pool, block, now++);
            }

            assertThat(pool.size()).isZero();
            assertThat(pool.bytes()).isZero();
            assertThat(tree.size()).isEqualTo(1 + base.size() + blocks.size());
            assertThat(tree.bestHeaderTip().id()).isEqualTo(id(expectedTip));
            assertThat(tree.bestBlockCandidate().id()).isEqualTo(id(expectedTip));
            Map<Hash256, Shape> shapes = shapesOf(tree, blocks);
            if (reference == null) {
                reference = shapes;
            }
            assertThat(shapes).isEqualTo(reference);
            orders++;
        }
        assertThat(orders).isEqualTo(120);
    }

    /** What a node does with a block: add it, or park it; when it connects, release its waiting children. */
    private static void receive(BlockTree tree, OrphanPool<BlockHeader> pool, BlockHeader block, long now) {
        Deque<BlockHeader> pending = new ArrayDeque<>(List.of(block));
        while (!pending.isEmpty()) {
            BlockHeader next = pending.pop();
            AddHeaderResult result = tree.addHeader(next);
            switch (result.outcome()) {
                case UNKNOWN_PARENT -> assertThat(pool.add(result.id(), next.previousId(), BlockHeaderCodec.SIZE, next, now))
                        .isEqualTo(OrphanAddResult.ADDED);
                case ADDED -> {
                    tree.markDataAvailable(result.id());
                    pending.addAll(pool.takeChildren(result.id()));
                }
                default -> throw new AssertionError("unexpected " + result);
            }
        }
    }

    private static Map<Hash256, Shape> shapesOf(BlockTree tree, List<BlockHeader> blocks) {
        Map<Hash256, Shape> shapes = new HashMap<>();
        for (BlockHeader block : blocks) {
            BlockIndexEntry entry = tree.entry(id(block)).orElseThrow();
            shapes.put(entry.id(), new Shape(entry.height(), entry.parentId(), entry.cumulativeWork(), entry.status()));
        }
        return shapes;
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
