package io.numicoin.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryAccountStateTest {

    private static final Address A = new Address(Hash256.fromHex("11".repeat(32)));
    private static final Address B = new Address(Hash256.fromHex("22".repeat(32)));

    private static StateDiff accounts(AccountEntry... entries) {
        return new StateDiff(1, new StateChanges(List.of(entries), List.of(), List.of()));
    }

    @Test
    void emptyAccountsAreAbsentAndReadAsZero() {
        InMemoryAccountState state = InMemoryAccountState.empty();
        state.apply(accounts(new AccountEntry(A, new Account(Amount.ofUnits(5), 0)), new AccountEntry(B, new Account(Amount.ZERO, 2))));
        assertThat(state.accounts()).containsOnlyKeys(A, B);
        state.apply(accounts(new AccountEntry(A, Account.ZERO)));
        assertThat(state.accounts()).containsOnlyKeys(B);
        assertThat(state.account(A)).isEqualTo(Account.ZERO);
        assertThat(state.accumulator().finalizeBytes()).isEqualTo(
                MuHash3072.of(StateElementCodec.encode(new AccountEntry(B, new Account(Amount.ZERO, 2)))).finalizeBytes());
    }

    @Test
    void theIncrementalHashEqualsTheHashOfTheElements() {
        InMemoryAccountState state = InMemoryAccountState.empty();
        ImmatureReward reward = new ImmatureReward(3, B, Amount.ofUnits(7));
        state.apply(new StateDiff(3, new StateChanges(List.of(new AccountEntry(A, new Account(Amount.ofUnits(9), 1))), List.of(reward), List.of())));
        MuHash3072 expected = MuHash3072.EMPTY
                .insert(StateElementCodec.encode(reward))
                .insert(StateElementCodec.encode(new AccountEntry(A, new Account(Amount.ofUnits(9), 1))));
        assertThat(state.accumulator().finalizeBytes()).isEqualTo(expected.finalizeBytes());
        assertThat(state.recomputeAccumulator().finalizeBytes()).isEqualTo(expected.finalizeBytes());
    }

    @Test
    void changesMadeForAnotherStateAreRefusedWithoutWritingAnything() {
        InMemoryAccountState state = InMemoryAccountState.empty();
        state.apply(accounts(new AccountEntry(A, new Account(Amount.ofUnits(5), 0))));
        byte[] before = state.accumulator().finalizeBytes();
        StateDiff deletesMissingReward = new StateDiff(2, new StateChanges(
                List.of(new AccountEntry(A, new Account(Amount.ofUnits(6), 0))), List.of(), List.of(1L)));
        assertThatThrownBy(() -> state.apply(deletesMissingReward)).isInstanceOf(IllegalStateException.class);
        assertThat(state.account(A)).isEqualTo(new Account(Amount.ofUnits(5), 0));
        assertThat(state.accumulator().finalizeBytes()).isEqualTo(before);
    }

    @Test
    void aCopyIsIndependent() {
        InMemoryAccountState state = InMemoryAccountState.empty();
        state.apply(accounts(new AccountEntry(A, new Account(Amount.ofUnits(5), 0))));
        InMemoryAccountState copy = state.copy();
        copy.apply(accounts(new AccountEntry(B, new Account(Amount.ofUnits(1), 0))));
        assertThat(state.accounts()).containsOnlyKeys(A);
        assertThat(copy.accounts()).containsOnlyKeys(A, B);
        assertThat(state.commitment()).isNotEqualTo(copy.commitment());
    }
}
