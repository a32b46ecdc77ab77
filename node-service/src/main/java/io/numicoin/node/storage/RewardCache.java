package io.numicoin.node.storage;

import io.numicoin.protocol.state.ImmatureReward;
import io.numicoin.protocol.state.StateChanges;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The immature rewards the importer read or the store wrote lately, by paying height (empty: no
 * reward at that height), so connecting a block does not query {@code immature_rewards} twice.
 * Consistent for the same reasons as {@link AccountCache}: filled and read under the import lock,
 * updated with each write as the account cache is, cleared when a transaction fails.
 */
final class RewardCache {

    private static final int CAPACITY = 1_024;

    private final LinkedHashMap<Long, Optional<ImmatureReward>> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Optional<ImmatureReward>> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The cached value, or null when not cached. */
    Optional<ImmatureReward> get(long paidAtHeight) {
        return entries.get(paidAtHeight);
    }

    void put(long paidAtHeight, Optional<ImmatureReward> reward) {
        entries.put(paidAtHeight, reward);
    }

    /** Takes the rewards a committed write put and deleted. */
    void written(StateChanges changes) {
        changes.rewardsPut().forEach(reward -> entries.put(reward.paidAtHeight(), Optional.of(reward)));
        changes.rewardsDeleted().forEach(height -> entries.put(height, Optional.empty()));
    }

    void clear() {
        entries.clear();
    }
}
