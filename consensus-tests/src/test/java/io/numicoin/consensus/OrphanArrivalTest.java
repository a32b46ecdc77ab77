package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Blocks of a branch delivered in every possible order end in the same chain and state. */
class OrphanArrivalTest {

    private static final Scenario FIXTURE = new Scenario();
    private static final List<Block> PREFIX = FIXTURE.builder.extend(FIXTURE.builder.genesis(), 101, 1);
    private static final List<Block> BRANCH = branchWithTransfers();

    private static List<Block> branchWithTransfers() {
        List<Block> out = new ArrayList<>();
        Block tip = PREFIX.getLast();
        for (int i = 0; i < 5; i++) {
            tip = FIXTURE.builder.child(tip)
                    .transfers(FIXTURE.builder.transfer(1, TestKeys.address(10 + i), 1_000 + i, 100, i + 1))
                    .build();
            out.add(tip);
        }
        return out;
    }

    static Stream<Arguments> everyOrder() {
        List<List<Integer>> orders = new ArrayList<>();
        permute(new ArrayList<>(List.of(0, 1, 2, 3, 4)), 0, orders);
        return orders.stream().map(Arguments::of);
    }

    private static void permute(List<Integer> items, int k, List<List<Integer>> out) {
        if (k == items.size()) {
            out.add(List.copyOf(items));
            return;
        }
        for (int i = k; i < items.size(); i++) {
            java.util.Collections.swap(items, k, i);
            permute(items, k + 1, out);
            java.util.Collections.swap(items, k, i);
        }
    }

    @ParameterizedTest(name = "order {0}")
    @MethodSource("everyOrder")
    void anyArrivalOrderEndsOnTheSameTipAndState(List<Integer> order) {
        Scenario s = new Scenario();
        s.importAll(PREFIX);
        for (int index : order) {
            BlockImportResult result = s.chain.importBlock(BRANCH.get(index));
            assertThat(result.outcome()).isNotEqualTo(BlockImportResult.Outcome.INVALID);
        }
        assertThat(s.chain.tip()).isEqualTo(Scenario.id(BRANCH.getLast()));
        assertThat(s.chain.state().accounts()).isEqualTo(FIXTURE.builder.stateAfter(BRANCH.getLast()).accounts());
        // Delivering everything again changes nothing.
        for (Block block : BRANCH) {
            assertThat(s.chain.importBlock(block).outcome()).isEqualTo(BlockImportResult.Outcome.ALREADY_KNOWN);
        }
    }
}
