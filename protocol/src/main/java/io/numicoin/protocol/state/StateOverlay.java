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

    /** The base's set hash with every changed entry swapped for its new value, and the factor of each change. */
    StateHashChange hashChange() {
        MuHash3072 all = MuHash3072.EMPTY;
        List<StateHashChange.AccountFactor> accounts = new ArrayList<>();
        for (Map.Entry<Address, Account> after : new TreeMap<>(accountsAfter).entrySet()) {  // address order, as the diff
            Account before = accountsBefore.get(after.getKey());
            if (!before.equals(after.getValue())) {
                MuHash3072 factor = StateAccumulator.replaceAccount(MuHash3072.EMPTY, after.getKey(), before, after.getValue());
                accounts.add(new StateHashChange.AccountFactor(after.getKey(), factor));
                all = all.combine(factor);
            }
        }
        MuHash3072 rewards = MuHash3072.EMPTY;
        for (Map.Entry<Long, Optional<ImmatureReward>> after : rewardsAfter.entrySet()) {
            Optional<ImmatureReward> before = rewardsBefore.get(after.getKey());
            if (!before.equals(after.getValue())) {
                rewards = StateAccumulator.replaceReward(rewards, before, after.getValue());
            }
        }
        return new StateHashChange(base.accumulator().combine(all).combine(rewards), accounts, rewards);
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
