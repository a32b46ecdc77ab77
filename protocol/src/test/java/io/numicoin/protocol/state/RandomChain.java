package io.numicoin.protocol.state;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.money.SubsidySchedule;
import io.numicoin.protocol.state.TestBlocks.Wallet;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.TransferTx;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Generates a chain of blocks that are valid by construction, from genesis on, and keeps its own
 * simple model of the state they lead to (plain maps, written from the rules, not from
 * {@link StateTransition}) so tests can check the transition against it.
 */
final class RandomChain {

    private final Random random;
    private final SubsidySchedule schedule;
    private final List<Wallet> wallets = new ArrayList<>();
    private final TreeMap<Address, Account> accounts = new TreeMap<>();
    private final TreeMap<Long, ImmatureReward> rewards = new TreeMap<>();
    private long nextHeight;

    RandomChain(long seed, SubsidySchedule schedule, int walletCount) {
        this.random = new Random(seed);
        this.schedule = schedule;
        for (int i = 0; i < walletCount; i++) {
            wallets.add(Wallet.random(random));
        }
    }

    /** The model's accounts after the last generated block. */
    TreeMap<Address, Account> accounts() {
        return new TreeMap<>(accounts);
    }

    /** The model's immature rewards after the last generated block. */
    TreeMap<Long, ImmatureReward> rewards() {
        return new TreeMap<>(rewards);
    }

    /** The next block: the maturing reward credited, up to {@code maxTransfers} random transfers, a coinbase. */
    Block next(int maxTransfers) {
        long height = nextHeight++;
        ImmatureReward matured = rewards.remove(height - ProtocolLimits.COINBASE_MATURITY);
        if (matured != null) {
            credit(matured.recipient(), matured.amount().units());
        }
        List<TransferTx> transfers = new ArrayList<>();
        long fees = 0;
        int count = random.nextInt(maxTransfers + 1);
        for (int i = 0; i < count; i++) {
            TransferTx tx = randomTransfer(height);
            if (tx == null) {
                break;
            }
            transfers.add(tx);
            fees += tx.fee().units();
        }
        long allowed = schedule.subsidyAt(height).units() + fees;
        long paid = switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> allowed / 2;
            default -> allowed;
        };
        Address miner = wallets.get(random.nextInt(wallets.size())).address();
        if (paid > 0) {
            rewards.put(height, new ImmatureReward(height, miner, Amount.ofUnits(paid)));
        }
        return TestBlocks.block(TestBlocks.coinbase(height, miner, paid), transfers.toArray(TransferTx[]::new));
    }

    private TransferTx randomTransfer(long height) {
        List<Wallet> funded = wallets.stream().filter(w -> account(w.address()).balance().units() > 0).toList();
        if (funded.isEmpty()) {
            return null;
        }
        Wallet sender = funded.get(random.nextInt(funded.size()));
        Account account = account(sender.address());
        long balance = account.balance().units();
        long fee = random.nextInt(4) == 0 ? 0 : random.nextLong(Math.min(balance, 10_000) + 1);
        long amount = random.nextInt(5) == 0 ? balance - fee : random.nextLong(balance - fee + 1);
        Wallet recipient = wallets.get(random.nextInt(wallets.size()));
        long expiry = random.nextBoolean() ? 0 : height + random.nextInt(3);
        accounts.put(sender.address(), new Account(Amount.ofUnits(balance - amount - fee), account.nonce() + 1));
        credit(recipient.address(), amount);
        return sender.send(account.nonce() + 1, recipient.address(), amount, fee, expiry);
    }

    private Account account(Address address) {
        return accounts.getOrDefault(address, Account.ZERO);
    }

    private void credit(Address address, long units) {
        Account updated = account(address).credit(Amount.ofUnits(units));
        if (updated.isEmpty()) {
            accounts.remove(address);
        } else {
            accounts.put(address, updated);
        }
    }
}
