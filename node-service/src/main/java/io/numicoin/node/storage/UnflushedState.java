package io.numicoin.node.storage;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.state.Account;
import io.numicoin.protocol.state.AccountEntry;
import io.numicoin.protocol.state.ImmatureReward;
import io.numicoin.protocol.state.StateChanges;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts and immature rewards a deferred transaction writes, held from the moment it is handed
 * to the commit thread until a wait shows it committed: the importer's view reads them before the
 * caches and the tables, so the next block is validated against the state after the block whose
 * commit is still running, whatever the caches hold (a cache of size 0 holds nothing). Used under
 * the import lock only.
 */
final class UnflushedState {

    private final Map<Address, Account> accounts = new HashMap<>();
    private final Map<Long, Optional<ImmatureReward>> rewards = new HashMap<>();

    /** Holds what {@code changes} writes (and nothing else). */
    void hold(StateChanges changes) {
        clear();
        for (AccountEntry entry : changes.accounts()) {
            accounts.put(entry.address(), entry.account());
        }
        changes.rewardsPut().forEach(reward -> rewards.put(reward.paidAtHeight(), Optional.of(reward)));
        changes.rewardsDeleted().forEach(height -> rewards.put(height, Optional.empty()));
    }

    /** The account the deferred write gives {@code address} ({@link Account#ZERO} when it empties it), or null when it does not touch it. */
    Account account(Address address) {
        return accounts.get(address);
    }

    /** The reward the deferred write leaves at {@code paidAtHeight} (empty when it deletes it), or null when it does not touch it. */
    Optional<ImmatureReward> reward(long paidAtHeight) {
        return rewards.get(paidAtHeight);
    }

    void clear() {
        accounts.clear();
        rewards.clear();
    }
}
