package io.numicoin.node.integrity;

import io.numicoin.node.storage.AccumulatorMath;
import io.numicoin.node.storage.StateTables;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.state.Account;
import io.numicoin.protocol.state.AccountEntry;
import io.numicoin.protocol.state.AccountStateView;
import io.numicoin.protocol.state.ImmatureReward;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.state.StateChanges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored state with changes layered on top in memory, never written back: lets the check
 * walk the newest blocks down with their undo data and up again with the state rules.
 */
final class OverlayState implements AccountStateView {

    private final StateTables base;
    private final Map<Address, Account> accounts = new HashMap<>();
    private final Map<Long, Optional<ImmatureReward>> rewards = new HashMap<>();
    private MuHash3072 accumulator;

    OverlayState(StateTables base, MuHash3072 accumulator) {
        this.base = base;
        this.accumulator = accumulator;
    }

    @Override
    public Account account(Address address) {
        Account written = accounts.get(address);
        return written != null ? written : base.account(address);
    }

    @Override
    public Optional<ImmatureReward> immatureReward(long paidAtHeight) {
        Optional<ImmatureReward> written = rewards.get(paidAtHeight);
        return written != null ? written : base.reward(paidAtHeight);
    }

    @Override
    public MuHash3072 accumulator() {
        return accumulator;
    }

    /** Writes {@code changes} over the current values, moving the state hash along. */
    void write(StateChanges changes) {
        List<AccountEntry> before = new ArrayList<>();
        for (AccountEntry entry : changes.accounts()) {
            before.add(new AccountEntry(entry.address(), account(entry.address())));
        }
        List<ImmatureReward> rewardsBefore = new ArrayList<>();
        for (ImmatureReward put : changes.rewardsPut()) {
            immatureReward(put.paidAtHeight()).ifPresent(rewardsBefore::add);
        }
        for (long deleted : changes.rewardsDeleted()) {
            immatureReward(deleted).ifPresent(rewardsBefore::add);
        }
        accumulator = AccumulatorMath.replace(accumulator, bucket -> MuHash3072.EMPTY,
                before, rewardsBefore, changes.accounts(), changes.rewardsPut()).overall();
        for (AccountEntry entry : changes.accounts()) {
            accounts.put(entry.address(), entry.account());
        }
        for (ImmatureReward put : changes.rewardsPut()) {
            rewards.put(put.paidAtHeight(), Optional.of(put));
        }
        for (long deleted : changes.rewardsDeleted()) {
            rewards.put(deleted, Optional.empty());
        }
    }
}
