package io.numicoin.protocol.state;

import io.numicoin.protocol.address.Address;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole account state in memory, with its set hash kept up to date as diffs are applied and
 * undone (each changed entry costs one {@link MuHash3072} multiplication out and one in). Used by
 * tests, tools and small networks; the node keeps its state in a database instead.
 *
 * <p>Mutable and not thread-safe: confine an instance to one thread or guard it externally.
 */
public final class InMemoryAccountState implements AccountStateView {

    private final Map<Address, Account> accounts;
    private final TreeMap<Long, ImmatureReward> rewards;
    private MuHash3072 accumulator;

    private InMemoryAccountState(Map<Address, Account> accounts, TreeMap<Long, ImmatureReward> rewards, MuHash3072 accumulator) {
        this.accounts = accounts;
        this.rewards = rewards;
        this.accumulator = accumulator;
    }

    /** The empty state: the state before (and after) the genesis block. */
    public static InMemoryAccountState empty() {
        return new InMemoryAccountState(new HashMap<>(), new TreeMap<>(), MuHash3072.EMPTY);
    }

    /** An independent copy; changes to either do not affect the other. */
    public InMemoryAccountState copy() {
        return new InMemoryAccountState(new HashMap<>(accounts), new TreeMap<>(rewards), accumulator);
    }

    @Override
    public Account account(Address address) {
        return accounts.getOrDefault(address, Account.ZERO);
    }

    @Override
    public Optional<ImmatureReward> immatureReward(long paidAtHeight) {
        return Optional.ofNullable(rewards.get(paidAtHeight));
    }

    @Override
    public MuHash3072 accumulator() {
        return accumulator;
    }

    /** A sorted, unmodifiable snapshot of every existing account. */
    public SortedMap<Address, Account> accounts() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(accounts));
    }

    /** A sorted, unmodifiable snapshot of every immature reward, by the height that paid it. */
    public SortedMap<Long, ImmatureReward> immatureRewards() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(rewards));
    }

    /** Connects a block: writes the diff {@link StateTransition} computed against this state. */
    public void apply(StateDiff diff) {
        write(diff.changes(), null);
    }

    /**
     * As {@link #apply(StateDiff)}, taking {@code accumulator} — what the state rules computed for the
     * diff ({@code StateHashChange.accumulator()}) — as the new set hash instead of hashing every
     * changed element again, as the node's store does. The caller vouches that it belongs to the diff.
     */
    public void apply(StateDiff diff, MuHash3072 accumulator) {
        write(diff.changes(), Objects.requireNonNull(accumulator, "accumulator"));
    }

    /** Disconnects a block: writes back the prior values, restoring the state and its hash. */
    public void revert(UndoData undo) {
        write(undo.changes(), null);
    }

    /** The set hash computed from scratch over every element, to check the incremental one. */
    public MuHash3072 recomputeAccumulator() {
        MuHash3072 result = MuHash3072.EMPTY;
        for (Map.Entry<Address, Account> entry : accounts.entrySet()) {
            result = result.insert(StateElementCodec.encode(new AccountEntry(entry.getKey(), entry.getValue())));
        }
        for (ImmatureReward reward : rewards.values()) {
            result = result.insert(StateElementCodec.encode(reward));
        }
        return result;
    }

    /**
     * Applies {@code changes} all or nothing, with {@code known} as the new set hash, or (when null)
     * the hash moved element by element.
     *
     * @throws IllegalStateException if a reward to delete does not exist (the changes were made
     *     for another state); nothing is written then
     */
    private void write(StateChanges changes, MuHash3072 known) {
        for (long height : changes.rewardsDeleted()) {
            if (!rewards.containsKey(height)) {
                throw new IllegalStateException("no immature reward at height " + height + " to delete");
            }
        }
        MuHash3072 updated = accumulator;
        for (AccountEntry entry : changes.accounts()) {
            if (known == null) {
                updated = StateAccumulator.replaceAccount(updated, entry.address(), account(entry.address()), entry.account());
            }
            if (entry.account().isEmpty()) {
                accounts.remove(entry.address());
            } else {
                accounts.put(entry.address(), entry.account());
            }
        }
        for (ImmatureReward reward : changes.rewardsPut()) {
            ImmatureReward before = rewards.put(reward.paidAtHeight(), reward);
            if (known == null) {
                updated = StateAccumulator.replaceReward(updated, Optional.ofNullable(before), Optional.of(reward));
            }
        }
        for (long height : changes.rewardsDeleted()) {
            ImmatureReward removed = rewards.remove(height);
            if (known == null) {
                updated = StateAccumulator.replaceReward(updated, Optional.of(removed), Optional.empty());
            }
        }
        accumulator = known == null ? updated : known;
    }
}
