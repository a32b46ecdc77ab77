package io.numicoin.protocol.state;

import java.util.List;

/**
 * A set of writes to the account state, in canonical order so that equal changes have one
 * encoding: accounts to set (strictly ascending address; an empty account means "remove"), immature
 * rewards to put (strictly ascending height) and reward heights to delete (strictly ascending,
 * none of them also put). {@link StateDiff} and {@link UndoData} are both made of one.
 */
public record StateChanges(List<AccountEntry> accounts, List<ImmatureReward> rewardsPut, List<Long> rewardsDeleted) {

    public static final StateChanges NONE = new StateChanges(List.of(), List.of(), List.of());

    public StateChanges {
        accounts = List.copyOf(accounts);
        rewardsPut = List.copyOf(rewardsPut);
        rewardsDeleted = List.copyOf(rewardsDeleted);
        for (int i = 1; i < accounts.size(); i++) {
            if (accounts.get(i - 1).address().compareTo(accounts.get(i).address()) >= 0) {
                throw new IllegalArgumentException("account changes are not in strictly ascending address order at " + i);
            }
        }
        for (int i = 1; i < rewardsPut.size(); i++) {
            if (rewardsPut.get(i - 1).paidAtHeight() >= rewardsPut.get(i).paidAtHeight()) {
                throw new IllegalArgumentException("reward puts are not in strictly ascending height order at " + i);
            }
        }
        for (int i = 0; i < rewardsDeleted.size(); i++) {
            long height = rewardsDeleted.get(i);
            if (height < 0 || (i > 0 && rewardsDeleted.get(i - 1) >= height)) {
                throw new IllegalArgumentException("reward deletes are not non-negative and strictly ascending at " + i);
            }
            if (rewardsPut.stream().anyMatch(r -> r.paidAtHeight() == height)) {
                throw new IllegalArgumentException("reward at height " + height + " is both put and deleted");
            }
        }
    }

    public boolean isEmpty() {
        return accounts.isEmpty() && rewardsPut.isEmpty() && rewardsDeleted.isEmpty();
    }

    /** The change's number of entries (the node's write count). */
    public int size() {
        return accounts.size() + rewardsPut.size() + rewardsDeleted.size();
    }
}
