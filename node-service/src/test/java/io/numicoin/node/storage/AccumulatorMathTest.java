package io.numicoin.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.state.Account;
import io.numicoin.protocol.state.AccountEntry;
import io.numicoin.protocol.state.ImmatureReward;
import io.numicoin.protocol.state.InMemoryAccountState;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.state.StateChanges;
import io.numicoin.protocol.state.StateDiff;
import io.numicoin.protocol.state.StateElementCodec;
import io.numicoin.protocol.state.UndoData;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.validation.ConnectResult;
import io.numicoin.protocol.validation.StateRules;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AccumulatorMathTest {

    @Test
    void movesTheHashesExactlyAsTheStateChangesForwardAndBack() {
        Random random = new Random(42);
        List<Address> addresses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            bytes[0] = (byte) (i % 5);  // several accounts share a bucket
            addresses.add(new Address(Hash256.of(bytes)));
        }
        InMemoryAccountState state = InMemoryAccountState.empty();
        MuHash3072 overall = MuHash3072.EMPTY;
        MuHash3072[] buckets = new MuHash3072[AccumulatorMath.BUCKETS];
        java.util.Arrays.fill(buckets, MuHash3072.EMPTY);
        for (long height = 1; height <= 60; height++) {
            StateChanges after = randomChanges(random, addresses, state, height);
            StateChanges before = valuesBefore(state, after);
            AccumulatorMath.Update update = AccumulatorMath.replace(overall, b -> buckets[b], before, after);
            state.apply(new StateDiff(height, after));
            overall = update.overall();
            update.buckets().forEach((b, hash) -> buckets[b] = hash);

            assertThat(overall.sameSetAs(state.recomputeAccumulator())).isTrue();
            MuHash3072 product = MuHash3072.EMPTY;
            for (MuHash3072 bucket : buckets) {
                product = product.combine(bucket);
            }
            for (ImmatureReward reward : state.immatureRewards().values()) {
                product = product.insert(StateElementCodec.encode(reward));
            }
            assertThat(product.sameSetAs(overall)).isTrue();

            // And back: the undo direction restores the previous hash.
            MuHash3072 reverted = AccumulatorMath.replace(overall, b -> buckets[b], after, before).overall();
            InMemoryAccountState previous = state.copy();
            previous.revert(new UndoData(height, before));
            assertThat(reverted.sameSetAs(previous.recomputeAccumulator())).isTrue();
        }
    }

    @Test
    void theStateRulesFactorsMoveTheBucketsExactlyAsHashingTheElementsAgain() {
        ChainBuilder builder = ChainBuilder.regtest();
        StateRules rules = new StateRules(builder.params().subsidy());
        List<Block> blocks = new ArrayList<>(builder.extend(builder.genesis(), ProtocolLimits.COINBASE_MATURITY + 1, 1));
        Block tip = blocks.getLast();
        for (int i = 0; i < 3; i++) {  // transfers: a sender, new recipients, the miner's maturing rewards
            tip = builder.child(tip).coinbaseTo(TestKeys.address(2)).transfers(
                    builder.transfer(1, TestKeys.address(10 + i), 5_000, 100, 2 * i + 1),
                    builder.transfer(1, TestKeys.address(2), 7_000, 100, 2 * i + 2)).build();
            blocks.add(tip);
        }
        InMemoryAccountState state = InMemoryAccountState.empty();
        MuHash3072 overall = MuHash3072.EMPTY;
        MuHash3072[] buckets = new MuHash3072[AccumulatorMath.BUCKETS];
        java.util.Arrays.fill(buckets, MuHash3072.EMPTY);
        for (Block block : blocks) {
            ConnectResult.Connected connected = (ConnectResult.Connected) rules.apply(block, state);
            AccumulatorMath.Update fromFactors = AccumulatorMath.apply(b -> buckets[b], connected.hashChange());
            AccumulatorMath.Update rehashed = AccumulatorMath.replace(overall, b -> buckets[b],
                    connected.undo().changes(), connected.diff().changes());

            assertThat(fromFactors.overall().sameSetAs(rehashed.overall())).isTrue();
            assertThat(fromFactors.buckets().keySet()).isEqualTo(rehashed.buckets().keySet());
            rehashed.buckets().forEach((b, hash) -> assertThat(fromFactors.buckets().get(b).sameSetAs(hash)).isTrue());
            state.apply(connected.diff());
            assertThat(fromFactors.overall().sameSetAs(state.recomputeAccumulator())).isTrue();
            overall = fromFactors.overall();
            fromFactors.buckets().forEach((b, hash) -> buckets[b] = hash);
        }
        assertThat(state.account(TestKeys.address(12)).balance().units()).isEqualTo(5_000);  // the transfers did connect
    }

    @Test
    void bucketIsTheFirstAddressByte() {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) 0xfe;
        assertThat(AccumulatorMath.bucket(new Address(Hash256.of(bytes)))).isEqualTo(254);
    }

    private static StateChanges randomChanges(Random random, List<Address> addresses, InMemoryAccountState state, long height) {
        Map<Address, Account> accounts = new TreeMap<>();
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
            Address address = addresses.get(random.nextInt(addresses.size()));
            accounts.put(address, random.nextInt(5) == 0 ? Account.ZERO : new Account(Amount.ofUnits(random.nextInt(1_000_000)), random.nextInt(4)));
        }
        List<ImmatureReward> put = List.of(new ImmatureReward(height, addresses.get(random.nextInt(addresses.size())),
                Amount.ofUnits(1 + random.nextInt(1000))));
        List<Long> deleted = height > 5 && state.immatureReward(height - 5).isPresent() ? List.of(height - 5) : List.of();
        return new StateChanges(accounts.entrySet().stream().map(e -> new AccountEntry(e.getKey(), e.getValue())).toList(), put, deleted);
    }

    private static StateChanges valuesBefore(InMemoryAccountState state, StateChanges after) {
        List<AccountEntry> accounts = after.accounts().stream().map(e -> new AccountEntry(e.address(), state.account(e.address()))).toList();
        List<ImmatureReward> put = new ArrayList<>();
        List<Long> deleted = new ArrayList<>();
        for (ImmatureReward reward : after.rewardsPut()) {
            state.immatureReward(reward.paidAtHeight()).ifPresentOrElse(put::add, () -> deleted.add(reward.paidAtHeight()));
        }
        for (long height : after.rewardsDeleted()) {
            put.add(state.immatureReward(height).orElseThrow());
        }
        put.sort(java.util.Comparator.comparingLong(ImmatureReward::paidAtHeight));
        return new StateChanges(accounts, put, deleted);
    }
}
