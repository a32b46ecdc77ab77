package io.numicoin.protocol.state;

import io.numicoin.protocol.address.Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The entries one block touches, over an unchanged base view: reads see the block's own earlier
 * writes, and the base value of every touched entry is kept for the undo data. Not thread-safe.
 */
final class StateOverlay {

    private final AccountStateView base;
    private final Map<Address, Account> accountsBefore = new HashMap<>();
    private final Map<Address, Account> accountsAfter = new HashMap<>();
    private final Map<Long, Optional<ImmatureReward>> rewardsBefore = new HashMap<>();
    private final Map<Long, Optional<ImmatureReward>> rewardsAfter = new HashMap<>();

    StateOverlay(AccountStateView base) {
        this.base = base;
    }

    Account account(Address address) {
        Account written = accountsAfter.get(address);
        return written != null ? written : base.account(address);
    }

    void putAccount(Address address, Account account) {
        accountsBefore.computeIfAbsent(address, base::account);
        accountsAfter.put(address, account);
    }

    Optional<ImmatureReward> reward(long paidAtHeight) {
        Optional<ImmatureReward> written = rewardsAfter.get(paidAtHeight);
        return written != null ? written : base.immatureReward(paidAtHeight);
    }

    void putReward(long paidAtHeight, Optional<ImmatureReward> reward) {
        rewardsBefore.computeIfAbsent(paidAtHeight, base::immatureReward);
        rewardsAfter.put(paidAtHeight, reward);
    }

    /** The writes that turn the base into the overlaid state (entries left as they were are omitted). */
    StateChanges forward() {
        return changes(accountsAfter, rewardsAfter);
    }

    /** The writes that turn the overlaid state back into the base. */
    StateChanges backward() {
        return changes(accountsBefore, rewardsBefore);
    }

    /**
     * The base's set hash with every changed entry swapped for its new value, and the factors of the
     * changes: each changed account's factor goes into its address range's, and the new hash is the
     * base times the ranges' and the rewards' factors (ranges first: fewer 3072-bit multiplications).
     */
    StateHashChange hashChange() {
        MuHash3072[] byRange = new MuHash3072[StateHashChange.RANGES];
        for (Map.Entry<Address, Account> after : accountsAfter.entrySet()) {  // a product: the order does not matter
            Account before = accountsBefore.get(after.getKey());
            if (!before.equals(after.getValue())) {
                int range = StateHashChange.range(after.getKey());
                MuHash3072 start = byRange[range] == null ? MuHash3072.EMPTY : byRange[range];
                byRange[range] = StateAccumulator.replaceAccount(start, after.getKey(), before, after.getValue());
            }
        }
        List<StateHashChange.RangeFactor> ranges = new ArrayList<>();
        MuHash3072 all = base.accumulator();
        for (int range = 0; range < byRange.length; range++) {
            if (byRange[range] != null) {
                ranges.add(new StateHashChange.RangeFactor(range, byRange[range]));
                all = all.combine(byRange[range]);
            }
        }
        MuHash3072 rewards = MuHash3072.EMPTY;
        for (Map.Entry<Long, Optional<ImmatureReward>> after : rewardsAfter.entrySet()) {
            Optional<ImmatureReward> before = rewardsBefore.get(after.getKey());
            if (!before.equals(after.getValue())) {
                rewards = StateAccumulator.replaceReward(rewards, before, after.getValue());
            }
        }
        return new StateHashChange(all.combine(rewards), ranges, rewards);
    }

    private StateChanges changes(Map<Address, Account> accountTarget, Map<Long, Optional<ImmatureReward>> rewardTarget) {
        List<AccountEntry> accounts = new ArrayList<>();
        for (Address address : new TreeMap<>(accountTarget).keySet()) {
            if (!accountsBefore.get(address).equals(accountsAfter.get(address))) {
                accounts.add(new AccountEntry(address, accountTarget.get(address)));
            }
        }
        List<ImmatureReward> put = new ArrayList<>();
        List<Long> deleted = new ArrayList<>();
        for (long height : new TreeMap<>(rewardTarget).keySet()) {
            if (rewardsBefore.get(height).equals(rewardsAfter.get(height))) {
                continue;
            }
            Optional<ImmatureReward> target = rewardTarget.get(height);
            if (target.isPresent()) {
                put.add(target.get());
            } else {
                deleted.add(height);
            }
        }
        return new StateChanges(accounts, put, deleted);
    }
}
