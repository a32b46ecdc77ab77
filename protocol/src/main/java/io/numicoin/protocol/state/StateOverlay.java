package io.numicoin.protocol.state;

import io.numicoin.protocol.address.Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

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
     * The ranges are split into {@code hashing.parts()} (range {@code r} in part {@code r % parts}),
     * each part filling its ranges' factors and their product; a product does not depend on order,
     * so the split changes how long this takes, not what it gives.
     */
    StateHashChange hashChange(StateHashing hashing) {
        MuHash3072[] byRange = new MuHash3072[StateHashChange.RANGES];
        List<Map.Entry<Address, Account>> changed = new ArrayList<>();
        for (Map.Entry<Address, Account> after : accountsAfter.entrySet()) {
            if (!accountsBefore.get(after.getKey()).equals(after.getValue())) {
                changed.add(after);
            }
        }
        int parts = hashing.parts();
        List<CompletableFuture<MuHash3072>> others = new ArrayList<>(parts - 1);
        for (int part = 1; part < parts; part++) {
            int mine = part;
            others.add(CompletableFuture.supplyAsync(() -> rangeFactors(changed, byRange, mine, parts), hashing.executor()));
        }
        MuHash3072 all = base.accumulator().combine(rangeFactors(changed, byRange, 0, parts));
        for (CompletableFuture<MuHash3072> other : others) {
            all = all.combine(other.join());
        }
        List<StateHashChange.RangeFactor> ranges = new ArrayList<>();
        for (int range = 0; range < byRange.length; range++) {
            if (byRange[range] != null) {
                ranges.add(new StateHashChange.RangeFactor(range, byRange[range]));
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

    /**
     * Fills {@code byRange[r]} for the ranges {@code r % parts == part} with the product of their
     * accounts' changes and returns the product of those ranges' factors. Parts write disjoint slots.
     */
    private MuHash3072 rangeFactors(List<Map.Entry<Address, Account>> changed, MuHash3072[] byRange, int part, int parts) {
        for (Map.Entry<Address, Account> after : changed) {  // a product: the order does not matter
            int range = StateHashChange.range(after.getKey());
            if (range % parts == part) {
                MuHash3072 start = byRange[range] == null ? MuHash3072.EMPTY : byRange[range];
                byRange[range] = StateAccumulator.replaceAccount(start, after.getKey(), accountsBefore.get(after.getKey()), after.getValue());
            }
        }
        MuHash3072 product = MuHash3072.EMPTY;
        for (int range = part; range < byRange.length; range += parts) {
            if (byRange[range] != null) {
                product = product.combine(byRange[range]);
            }
        }
        return product;
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
