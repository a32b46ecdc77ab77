package io.numicoin.node.storage;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.state.Account;
import io.numicoin.protocol.state.AccountStateView;
import io.numicoin.protocol.state.ImmatureReward;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The account state after the store's tip, read from {@code accounts} and {@code immature_rewards}
 * through an {@link AccountCache} and a {@link RewardCache}, behind what a deferred transaction
 * still committing writes ({@link UnflushedState}); its set hash is the tip's. This is the view the
 * importer validates blocks against, so it is used under the import lock only.
 */
final class PostgresAccountState implements AccountStateView {

    private final StateTables tables;
    private final UnflushedState unflushed;
    private final AccountCache cache;
    private final RewardCache rewards;
    private final Supplier<MuHash3072> accumulator;

    PostgresAccountState(StateTables tables, UnflushedState unflushed, AccountCache cache, RewardCache rewards,
            Supplier<MuHash3072> accumulator) {
        this.tables = tables;
        this.unflushed = unflushed;
        this.cache = cache;
        this.rewards = rewards;
        this.accumulator = accumulator;
    }

    @Override
    public Account account(Address address) {
        Account written = unflushed.account(address);
        if (written != null) {
            return written;
        }
        Account cached = cache.get(address);
        if (cached != null) {
            return cached;
        }
        Account stored = tables.account(address);
        cache.put(address, stored);
        return stored;
    }

    @Override
    public Optional<ImmatureReward> immatureReward(long paidAtHeight) {
        Optional<ImmatureReward> written = unflushed.reward(paidAtHeight);
        if (written != null) {
            return written;
        }
        Optional<ImmatureReward> cached = rewards.get(paidAtHeight);
        if (cached != null) {
            return cached;
        }
        Optional<ImmatureReward> stored = tables.reward(paidAtHeight);
        rewards.put(paidAtHeight, stored);
        return stored;
    }

    @Override
    public MuHash3072 accumulator() {
        return accumulator.get();
    }

    /** Loads the senders and recipients of {@code block} neither cached nor being written, with one query (read-ahead). */
    void prefetch(Block block) {
        List<Address> addresses = new ArrayList<>(2 * block.transactions().size());
        for (Transaction tx : block.transactions()) {
            if (tx instanceof TransferTx transfer) {
                addresses.add(transfer.sender());
                addresses.add(transfer.recipient());
            }
        }
        prefetch(addresses);
    }

    private void prefetch(Collection<Address> addresses) {
        List<Address> missing = new ArrayList<>();
        for (Address address : addresses) {
            if (unflushed.account(address) == null && cache.get(address) == null) {
                missing.add(address);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Map<Address, Account> found = tables.accounts(missing);
        for (Address address : missing) {
            cache.put(address, found.getOrDefault(address, Account.ZERO));
        }
    }
}
