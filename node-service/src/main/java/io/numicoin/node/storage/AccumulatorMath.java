package io.numicoin.node.storage;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.state.AccountEntry;
import io.numicoin.protocol.state.ImmatureReward;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.state.StateChanges;
import io.numicoin.protocol.state.StateElementCodec;
import io.numicoin.protocol.state.StateHashChange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Moves a state's set hashes across a write: the elements the touched entries held before come
 * out, the ones they hold after go in. For a connect the "before" side is exactly what the undo
 * data writes back and the "after" side what the diff writes; for a disconnect it is the reverse.
 * Each element is hashed once; its factor goes into its account bucket ({@link #bucket}) and, through
 * the buckets' product, into the overall hash.
 */
public final class AccumulatorMath {

    /** Account buckets: the first byte of the address. */
    public static final int BUCKETS = StateHashChange.RANGES;

    /** The new overall hash and the new value of every bucket the write touched. */
    public record Update(MuHash3072 overall, Map<Integer, MuHash3072> buckets) {
    }

    private AccumulatorMath() {
    }

    /** The first address byte: the same partition as {@link StateHashChange#range}. */
    public static int bucket(Address address) {
        return StateHashChange.range(address);
    }

    /** Swaps the elements {@code before} leaves in place for those {@code after} does. */
    public static Update replace(MuHash3072 overall, IntFunction<MuHash3072> buckets, StateChanges before, StateChanges after) {
        return replace(overall, buckets, before.accounts(), before.rewardsPut(), after.accounts(), after.rewardsPut());
    }

    /** Empty accounts among the given ones are skipped: they are not elements of the state. */
    public static Update replace(MuHash3072 overall, IntFunction<MuHash3072> buckets,
            List<AccountEntry> accountsOut, List<ImmatureReward> rewardsOut,
            List<AccountEntry> accountsIn, List<ImmatureReward> rewardsIn) {
        Map<Integer, MuHash3072[]> factors = new HashMap<>();  // bucket -> {in, out}
        accumulate(factors, accountsIn, 0);
        accumulate(factors, accountsOut, 1);
        MuHash3072 rewardsInHash = MuHash3072.EMPTY;
        for (ImmatureReward reward : rewardsIn) {
            rewardsInHash = rewardsInHash.insert(StateElementCodec.encode(reward));
        }
        MuHash3072 rewardsOutHash = MuHash3072.EMPTY;
        for (ImmatureReward reward : rewardsOut) {
            rewardsOutHash = rewardsOutHash.insert(StateElementCodec.encode(reward));
        }
        MuHash3072 newOverall = overall.combine(rewardsInHash).subtract(rewardsOutHash);
        Map<Integer, MuHash3072> newBuckets = new HashMap<>();
        for (Map.Entry<Integer, MuHash3072[]> entry : factors.entrySet()) {
            MuHash3072 in = entry.getValue()[0];
            MuHash3072 out = entry.getValue()[1];
            newBuckets.put(entry.getKey(), buckets.apply(entry.getKey()).combine(in).subtract(out));
            newOverall = newOverall.combine(in).subtract(out);
        }
        return new Update(newOverall, newBuckets);
    }

    /**
     * The same update from the factors the state rules computed: the overall hash is theirs, and each
     * touched bucket (an address range of {@link StateHashChange}) takes its range's factor — one
     * multiplication per bucket, no element hashed again.
     */
    public static Update apply(IntFunction<MuHash3072> buckets, StateHashChange change) {
        Map<Integer, MuHash3072> newBuckets = new HashMap<>();
        for (StateHashChange.RangeFactor range : change.ranges()) {
            newBuckets.put(range.range(), buckets.apply(range.range()).combine(range.factor()));
        }
        return new Update(change.accumulator(), newBuckets);
    }

    private static void accumulate(Map<Integer, MuHash3072[]> factors, List<AccountEntry> accounts, int side) {
        for (AccountEntry entry : accounts) {
            if (entry.account().isEmpty()) {
                continue;
            }
            MuHash3072[] pair = factors.computeIfAbsent(bucket(entry.address()), b -> new MuHash3072[] {MuHash3072.EMPTY, MuHash3072.EMPTY});
            pair[side] = pair[side].insert(StateElementCodec.encode(entry));
        }
    }
}
