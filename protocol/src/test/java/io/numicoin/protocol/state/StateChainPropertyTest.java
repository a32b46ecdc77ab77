package io.numicoin.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.SubsidySchedule;
import io.numicoin.protocol.state.TransitionResult.Applied;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random valid chains (seeded): the transition agrees with an independent model, the incremental
 * state hash equals the one computed from scratch, and undo data restores every earlier state exactly.
 */
class StateChainPropertyTest {

    /** Past the first reward maturing (100) and the first regtest halving (150). */
    private static final int BLOCKS = 260;

    /** Everything a state is, including its hash's canonical value (which determines the commitment). */
    record Snapshot(SortedMap<Address, Account> accounts, SortedMap<Long, ImmatureReward> rewards, Bytes finalized) {
        static Snapshot of(InMemoryAccountState state) {
            return new Snapshot(state.accounts(), state.immatureRewards(), Bytes.of(state.accumulator().finalizeBytes()));
        }
    }

    private static Applied applied(TransitionResult result) {
        assertThat(result).isInstanceOf(Applied.class);
        return (Applied) result;
    }

    /** The set-hash change split over threads (as a node splits it) is the calling thread's, block after block. */
    @ParameterizedTest(name = "{0} parts")
    @ValueSource(ints = {2, 3, 7, 256})
    void theSetHashChangeSplitOverThreadsIsTheCallingThreads(int parts) {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            RandomChain chain = new RandomChain(40 + parts, SubsidySchedule.REGTEST, 200);
            InMemoryAccountState state = InMemoryAccountState.empty();
            StateHashing split = new StateHashing(pool, parts);
            for (int i = 0; i < 160; i++) {
                Block block = chain.next(40);
                Applied alone = applied(StateTransition.apply(state, block, SubsidySchedule.REGTEST));
                Applied shared = applied(StateTransition.apply(state, block, SubsidySchedule.REGTEST, split));
                assertThat(shared).isEqualTo(alone);
                assertThat(shared.hashChange().accumulator().finalizeBytes()).isEqualTo(alone.hashChange().accumulator().finalizeBytes());
                state.apply(alone.diff());
            }
            assertThat(state.accumulator().sameSetAs(state.recomputeAccumulator())).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void applyingThenRevertingAChainRestoresEveryState(long seed) throws DecodeException {
        RandomChain chain = new RandomChain(seed, SubsidySchedule.REGTEST, 10);
        InMemoryAccountState state = InMemoryAccountState.empty();
        List<Snapshot> before = new ArrayList<>();
        List<UndoData> undos = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        List<Hash256> commitments = new ArrayList<>();
        int transfers = 0;
        for (int i = 0; i < BLOCKS; i++) {
            Block block = chain.next(6);
            transfers += block.transactions().size() - 1;
            before.add(Snapshot.of(state));
            MuHash3072[] rangesBefore = rangeHashes(state);
            Applied applied = applied(StateTransition.apply(state, block, SubsidySchedule.REGTEST));
            state.apply(applied.diff());
            assertRangeFactorsMoveEachRange(rangesBefore, applied.hashChange(), rangeHashes(state));

            assertThat(state.accounts()).isEqualTo(chain.accounts());
            assertThat(state.immatureRewards()).isEqualTo(chain.rewards());
            MuHash3072 full = state.recomputeAccumulator();
            assertThat(state.accumulator().sameSetAs(full)).isTrue();
            assertThat(state.accumulator().finalizeBytes()).isEqualTo(full.finalizeBytes());
            assertThat(applied.newCommitment()).isEqualTo(StateCommitment.of(full)).isEqualTo(state.commitment());
            assertThat(UndoDataCodec.decode(UndoDataCodec.encode(applied.undo()))).isEqualTo(applied.undo());

            undos.add(applied.undo());
            blocks.add(block);
            commitments.add(applied.newCommitment());
        }
        assertThat(transfers).as("the chain exercises transfers").isGreaterThan(BLOCKS);
        assertThat(state.accounts()).isNotEmpty();

        for (int i = BLOCKS - 1; i >= 0; i--) {
            state.revert(undos.get(i));
            assertThat(Snapshot.of(state)).isEqualTo(before.get(i));
            assertThat(state.accumulator().sameSetAs(state.recomputeAccumulator())).isTrue();
        }
        assertThat(state.accounts()).isEmpty();
        assertThat(state.immatureRewards()).isEmpty();
        assertThat(state.commitment()).isEqualTo(StateCommitment.EMPTY);

        for (int i = 0; i < BLOCKS; i++) {
            Applied again = applied(StateTransition.apply(state, blocks.get(i), SubsidySchedule.REGTEST));
            assertThat(again.undo()).isEqualTo(undos.get(i));
            assertThat(again.newCommitment()).isEqualTo(commitments.get(i));
            state.apply(again.diff());
        }
        assertThat(state.accounts()).isEqualTo(chain.accounts());
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void eachBlockAppliedRevertedAndReappliedGivesTheSameState(long seed) {
        RandomChain chain = new RandomChain(seed, SubsidySchedule.REGTEST, 6);
        InMemoryAccountState state = InMemoryAccountState.empty();
        for (int i = 0; i < 140; i++) {
            Block block = chain.next(4);
            Snapshot start = Snapshot.of(state);
            Applied first = applied(StateTransition.apply(state, block, SubsidySchedule.REGTEST));
            state.apply(first.diff());
            Snapshot after = Snapshot.of(state);

            state.revert(first.undo());
            assertThat(Snapshot.of(state)).isEqualTo(start);

            Applied second = applied(StateTransition.apply(state, block, SubsidySchedule.REGTEST));
            assertThat(second).isEqualTo(first);
            state.apply(second.diff());
            assertThat(Snapshot.of(state)).isEqualTo(after);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void applyingWithTheRulesAccumulatorGivesTheSameStateAsHashingAgain(long seed) {
        RandomChain chain = new RandomChain(seed, SubsidySchedule.REGTEST, 8);
        InMemoryAccountState hashed = InMemoryAccountState.empty();
        InMemoryAccountState taken = InMemoryAccountState.empty();
        for (int i = 0; i < 130; i++) {
            Block block = chain.next(5);
            Applied applied = applied(StateTransition.apply(taken, block, SubsidySchedule.REGTEST));
            hashed.apply(applied.diff());
            taken.apply(applied.diff(), applied.hashChange().accumulator());
            assertThat(Snapshot.of(taken)).isEqualTo(Snapshot.of(hashed));
            assertThat(taken.accumulator().sameSetAs(taken.recomputeAccumulator())).isTrue();
        }
        assertThat(taken.immatureRewards()).as("rewards matured and were deleted along the way").isNotEmpty();
    }

    /** Each range's factor takes that range's hash (recomputed from the accounts) from before to after; unlisted ranges stay. */
    private static void assertRangeFactorsMoveEachRange(MuHash3072[] before, StateHashChange change, MuHash3072[] after) {
        MuHash3072[] moved = before.clone();
        int previous = -1;
        for (StateHashChange.RangeFactor range : change.ranges()) {
            assertThat(range.range()).as("ranges ascend, each once").isGreaterThan(previous);
            previous = range.range();
            moved[range.range()] = moved[range.range()].combine(range.factor());
        }
        for (int range = 0; range < StateHashChange.RANGES; range++) {
            assertThat(moved[range].sameSetAs(after[range])).as("range " + range).isTrue();
        }
    }

    private static MuHash3072[] rangeHashes(InMemoryAccountState state) {
        MuHash3072[] ranges = new MuHash3072[StateHashChange.RANGES];
        java.util.Arrays.fill(ranges, MuHash3072.EMPTY);
        state.accounts().forEach((address, account) -> {
            int range = StateHashChange.range(address);
            ranges[range] = ranges[range].insert(StateElementCodec.encode(new AccountEntry(address, account)));
        });
        return ranges;
    }
}
