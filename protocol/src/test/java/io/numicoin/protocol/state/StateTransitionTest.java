package io.numicoin.protocol.state;

import static io.numicoin.protocol.state.TestBlocks.block;
import static io.numicoin.protocol.state.TestBlocks.coinbase;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.money.SubsidySchedule;
import io.numicoin.protocol.state.TestBlocks.Wallet;
import io.numicoin.protocol.state.TransitionResult.Applied;
import io.numicoin.protocol.state.TransitionResult.Rejected;
import io.numicoin.protocol.tx.Transaction;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One minimal block per rule: the smallest case that breaks it and, where there is one, the largest that does not. */
class StateTransitionTest {

    private static final SubsidySchedule SCHEDULE = SubsidySchedule.REGTEST;
    private static final long SUBSIDY = 8_888_000_000L;
    private static final long HEIGHT = 5;

    private final Random random = new Random(42);
    private final Wallet alice = Wallet.random(random);
    private final Wallet bob = Wallet.random(random);
    private final Wallet miner = Wallet.random(random);

    /** A state where alice has {@code balance} units and nonce {@code nonce}. */
    private static InMemoryAccountState stateWith(Wallet wallet, long balance, long nonce) {
        InMemoryAccountState state = InMemoryAccountState.empty();
        state.apply(new StateDiff(HEIGHT - 1, new StateChanges(
                List.of(new AccountEntry(wallet.address(), new Account(Amount.ofUnits(balance), nonce))), List.of(), List.of())));
        return state;
    }

    private static Applied applied(TransitionResult result) {
        assertThat(result).isInstanceOf(Applied.class);
        return (Applied) result;
    }

    private static void assertRejected(TransitionResult result, StateRejectReason reason, int txIndex) {
        assertThat(result).isInstanceOf(Rejected.class);
        Rejected rejected = (Rejected) result;
        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.txIndex()).isEqualTo(txIndex);
        assertThat(rejected.detail()).isNotBlank();
    }

    private Block coinbaseOnly(long height, long amount) {
        return block(coinbase(height, miner.address(), amount));
    }

    @Test
    void genesisPaysNothingAndLeavesTheEmptyState() {
        Applied genesis = applied(StateTransition.apply(InMemoryAccountState.empty(), coinbaseOnly(0, 0), SCHEDULE));
        assertThat(genesis.newCommitment()).isEqualTo(StateCommitment.EMPTY);
        assertThat(genesis.diff().changes().isEmpty()).isTrue();
        assertThat(genesis.undo()).isEqualTo(new UndoData(0, StateChanges.NONE));
        assertRejected(StateTransition.apply(InMemoryAccountState.empty(), coinbaseOnly(0, 1), SCHEDULE),
                StateRejectReason.COINBASE_AMOUNT_TOO_HIGH, 0);
    }

    @Test
    void aBlockWithoutACoinbaseFirstIsRejected() {
        InMemoryAccountState state = stateWith(alice, 1_000, 0);
        assertRejected(StateTransition.apply(state, TestBlocks.block(HEIGHT, List.of()), SCHEDULE),
                StateRejectReason.COINBASE_MISSING, 0);
        List<Transaction> transferFirst = List.of(alice.send(1, bob, 10, 0), coinbase(HEIGHT, miner.address(), 0));
        assertRejected(StateTransition.apply(state, TestBlocks.block(HEIGHT, transferFirst), SCHEDULE),
                StateRejectReason.COINBASE_MISSING, 0);
    }

    @Test
    void aSecondCoinbaseIsRejected() {
        List<Transaction> txs = List.of(coinbase(HEIGHT, miner.address(), 0), alice.send(1, bob, 10, 0), coinbase(HEIGHT, bob.address(), 0));
        assertRejected(StateTransition.apply(stateWith(alice, 1_000, 0), TestBlocks.block(HEIGHT, txs), SCHEDULE),
                StateRejectReason.COINBASE_NOT_FIRST, 2);
    }

    @Test
    void theCoinbaseMustCarryTheBlockHeight() {
        Block wrong = TestBlocks.block(HEIGHT, List.of(coinbase(HEIGHT + 1, miner.address(), 0)));
        assertRejected(StateTransition.apply(InMemoryAccountState.empty(), wrong, SCHEDULE),
                StateRejectReason.COINBASE_HEIGHT_MISMATCH, 0);
    }

    @Test
    void theCoinbaseMayPaySubsidyPlusFeesButNotOneUnitMore() {
        InMemoryAccountState state = stateWith(alice, 1_000, 0);
        long fees = 7 + 5;
        Block exact = block(coinbase(HEIGHT, miner.address(), SUBSIDY + fees), alice.send(1, bob, 100, 7), alice.send(2, bob, 100, 5));
        Block over = block(coinbase(HEIGHT, miner.address(), SUBSIDY + fees + 1), alice.send(1, bob, 100, 7), alice.send(2, bob, 100, 5));
        Block under = block(coinbase(HEIGHT, miner.address(), 1), alice.send(1, bob, 100, 7));

        Applied applied = applied(StateTransition.apply(state, exact, SCHEDULE));
        assertThat(applied.diff().changes().rewardsPut())
                .containsExactly(new ImmatureReward(HEIGHT, miner.address(), Amount.ofUnits(SUBSIDY + fees)));
        assertRejected(StateTransition.apply(state, over, SCHEDULE), StateRejectReason.COINBASE_AMOUNT_TOO_HIGH, 0);
        assertThat(StateTransition.apply(state, under, SCHEDULE)).isInstanceOf(Applied.class);
    }

    @Test
    void aCoinbasePayingNothingCreatesNoReward() {
        Applied applied = applied(StateTransition.apply(InMemoryAccountState.empty(), coinbaseOnly(HEIGHT, 0), SCHEDULE));
        assertThat(applied.diff().changes().isEmpty()).isTrue();
        assertThat(applied.newCommitment()).isEqualTo(StateCommitment.EMPTY);
    }

    @Test
    void aTransferWritesBothAccountsAndItsUndoHoldsTheirPriorValues() {
        InMemoryAccountState state = stateWith(alice, 1_000, 3);
        Applied applied = applied(StateTransition.apply(state, block(coinbase(HEIGHT, miner.address(), 0), alice.send(4, bob, 600, 50)), SCHEDULE));

        List<AccountEntry> expectedAfter = sorted(
                new AccountEntry(alice.address(), new Account(Amount.ofUnits(350), 4)),
                new AccountEntry(bob.address(), new Account(Amount.ofUnits(600), 0)));
        List<AccountEntry> expectedBefore = sorted(
                new AccountEntry(alice.address(), new Account(Amount.ofUnits(1_000), 3)),
                new AccountEntry(bob.address(), Account.ZERO));
        assertThat(applied.diff()).isEqualTo(new StateDiff(HEIGHT, new StateChanges(expectedAfter, List.of(), List.of())));
        assertThat(applied.undo()).isEqualTo(new UndoData(HEIGHT, new StateChanges(expectedBefore, List.of(), List.of())));
        assertThat(state.account(alice.address())).as("the view is only read").isEqualTo(new Account(Amount.ofUnits(1_000), 3));

        state.apply(applied.diff());
        assertThat(state.commitment()).isEqualTo(applied.newCommitment());
    }

    private static List<AccountEntry> sorted(AccountEntry... entries) {
        return List.of(entries).stream().sorted((a, b) -> a.address().compareTo(b.address())).toList();
    }

    @Test
    void aRewardIsSpendableFromTheBlockAtWhichItMatures() {
        InMemoryAccountState state = InMemoryAccountState.empty();
        long paidAt = 1;
        state.apply(applied(StateTransition.apply(state, block(coinbase(paidAt, alice.address(), SUBSIDY)), SCHEDULE)).diff());
        for (long h = paidAt + 1; h < paidAt + 99; h++) {
            state.apply(applied(StateTransition.apply(state, coinbaseOnly(h, 0), SCHEDULE)).diff());
        }
        assertThat(state.immatureReward(paidAt)).isPresent();
        assertThat(state.account(alice.address())).isEqualTo(Account.ZERO);

        Block tooEarly = block(coinbase(paidAt + 99, miner.address(), 0), alice.send(1, bob, SUBSIDY, 0));
        assertRejected(StateTransition.apply(state, tooEarly, SCHEDULE), StateRejectReason.INSUFFICIENT_BALANCE, 1);
        state.apply(applied(StateTransition.apply(state, coinbaseOnly(paidAt + 99, 0), SCHEDULE)).diff());

        Block mature = block(coinbase(paidAt + 100, miner.address(), 0), alice.send(1, bob, SUBSIDY, 0));
        Applied applied = applied(StateTransition.apply(state, mature, SCHEDULE));
        state.apply(applied.diff());
        assertThat(state.immatureReward(paidAt)).isEmpty();
        assertThat(state.account(alice.address())).isEqualTo(new Account(Amount.ZERO, 1));
        assertThat(state.account(bob.address())).isEqualTo(new Account(Amount.ofUnits(SUBSIDY), 0));
        assertThat(applied.undo().changes().rewardsPut())
                .containsExactly(new ImmatureReward(paidAt, alice.address(), Amount.ofUnits(SUBSIDY)));
    }

    @Test
    void aNonceMustBeTheAccountNoncePlusOne() {
        InMemoryAccountState state = stateWith(alice, 1_000, 0);
        state.apply(applied(StateTransition.apply(state, block(coinbase(HEIGHT, miner.address(), 0), alice.send(1, bob, 10, 0)), SCHEDULE)).diff());

        Block replay = block(coinbase(HEIGHT + 1, miner.address(), 0), alice.send(1, bob, 10, 0));
        assertRejected(StateTransition.apply(state, replay, SCHEDULE), StateRejectReason.BAD_NONCE, 1);
        Block gap = block(coinbase(HEIGHT + 1, miner.address(), 0), alice.send(3, bob, 10, 0));
        assertRejected(StateTransition.apply(state, gap, SCHEDULE), StateRejectReason.BAD_NONCE, 1);
        Block next = block(coinbase(HEIGHT + 1, miner.address(), 0), alice.send(2, bob, 10, 0));
        assertThat(StateTransition.apply(state, next, SCHEDULE)).isInstanceOf(Applied.class);
    }

    @Test
    void transfersOfOneSenderInOneBlockTakeConsecutiveNonces() {
        InMemoryAccountState state = stateWith(alice, 1_000, 0);
        Block sameNonce = block(coinbase(HEIGHT, miner.address(), 0), alice.send(1, bob, 10, 0), alice.send(1, bob, 20, 0));
        assertRejected(StateTransition.apply(state, sameNonce, SCHEDULE), StateRejectReason.BAD_NONCE, 2);

        Block consecutive = block(coinbase(HEIGHT, miner.address(), 0), alice.send(1, bob, 10, 1), alice.send(2, bob, 20, 2), alice.send(3, alice, 5, 3));
        Applied applied = applied(StateTransition.apply(state, consecutive, SCHEDULE));
        state.apply(applied.diff());
        assertThat(state.account(alice.address())).isEqualTo(new Account(Amount.ofUnits(1_000 - 10 - 20 - 6), 3));
        assertThat(state.account(bob.address())).isEqualTo(new Account(Amount.ofUnits(30), 0));
    }

    @Test
    void aTransferMayNotSpendMoreThanTheBalance() {
        InMemoryAccountState state = stateWith(alice, 1_000, 0);
        Block overspend = block(coinbase(HEIGHT, miner.address(), 0), alice.send(1, bob, 990, 11));
        assertRejected(StateTransition.apply(state, overspend, SCHEDULE), StateRejectReason.INSUFFICIENT_BALANCE, 1);

        Block everything = block(coinbase(HEIGHT, miner.address(), 0), alice.send(1, bob, 990, 10));
        Applied applied = applied(StateTransition.apply(state, everything, SCHEDULE));
        state.apply(applied.diff());
        assertThat(state.account(alice.address())).as("an emptied account keeps its nonce").isEqualTo(new Account(Amount.ZERO, 1));

        Block secondSpend = block(coinbase(HEIGHT, miner.address(), 0), alice.send(1, bob, 600, 0), alice.send(2, bob, 600, 0));
        assertRejected(StateTransition.apply(stateWith(alice, 1_000, 0), secondSpend, SCHEDULE), StateRejectReason.INSUFFICIENT_BALANCE, 2);
    }

    @Test
    void aTransferExpiresAfterItsExpiryHeight() {
        InMemoryAccountState state = stateWith(alice, 1_000, 0);
        Block atExpiry = block(coinbase(HEIGHT, miner.address(), 0), alice.send(1, bob.address(), 10, 0, HEIGHT));
        Block afterExpiry = block(coinbase(HEIGHT, miner.address(), 0), alice.send(1, bob.address(), 10, 0, HEIGHT - 1));
        assertThat(StateTransition.apply(state, atExpiry, SCHEDULE)).isInstanceOf(Applied.class);
        assertRejected(StateTransition.apply(state, afterExpiry, SCHEDULE), StateRejectReason.EXPIRED, 1);
    }

    @Test
    void sumsAboveMaxMoneyAreRejected() {
        long max = Amount.MAX_MONEY;
        Block amountPlusFee = block(coinbase(HEIGHT, miner.address(), 0), alice.send(1, bob, max, 1));
        assertRejected(StateTransition.apply(stateWith(alice, max, 0), amountPlusFee, SCHEDULE), StateRejectReason.AMOUNT_OVERFLOW, 1);

        InMemoryAccountState richBob = stateWith(bob, max, 0);
        richBob.apply(new StateDiff(HEIGHT, new StateChanges(
                List.of(new AccountEntry(alice.address(), new Account(Amount.ofUnits(max), 0))), List.of(), List.of())));
        Block toFullAccount = block(coinbase(HEIGHT, miner.address(), 0), alice.send(1, bob, 1, 0));
        assertRejected(StateTransition.apply(richBob, toFullAccount, SCHEDULE), StateRejectReason.AMOUNT_OVERFLOW, 1);

        Block fees = block(coinbase(HEIGHT, miner.address(), 0), alice.send(1, miner, 0, max), bob.send(1, miner, 0, 1));
        assertRejected(StateTransition.apply(richBob, fees, SCHEDULE), StateRejectReason.AMOUNT_OVERFLOW, 2);

        Block subsidyPlusFees = block(coinbase(HEIGHT, miner.address(), 0), alice.send(1, miner, 0, max));
        assertRejected(StateTransition.apply(richBob, subsidyPlusFees, SCHEDULE), StateRejectReason.AMOUNT_OVERFLOW, 0);
    }

    @Test
    void aMaturingRewardThatWouldOverflowItsRecipientIsRejected() {
        InMemoryAccountState state = stateWith(alice, Amount.MAX_MONEY, 0);
        state.apply(new StateDiff(HEIGHT, new StateChanges(List.of(),
                List.of(new ImmatureReward(HEIGHT, alice.address(), Amount.ofUnits(1))), List.of())));
        assertRejected(StateTransition.apply(state, coinbaseOnly(HEIGHT + 100, 0), SCHEDULE),
                StateRejectReason.AMOUNT_OVERFLOW, Rejected.NO_TRANSACTION);
        assertThat(state.immatureReward(HEIGHT)).isEqualTo(Optional.of(new ImmatureReward(HEIGHT, alice.address(), Amount.ofUnits(1))));
    }
}
