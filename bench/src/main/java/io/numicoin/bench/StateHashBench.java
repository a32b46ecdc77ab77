package io.numicoin.bench;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.money.SubsidySchedule;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.state.Account;
import io.numicoin.protocol.state.AccountEntry;
import io.numicoin.protocol.state.InMemoryAccountState;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.state.StateChanges;
import io.numicoin.protocol.state.StateDiff;
import io.numicoin.protocol.state.StateTransition;
import io.numicoin.protocol.state.TransitionResult;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * The state hash and the state transition: MuHash3072 inserts (element expansion + one 3072-bit
 * modular multiplication), finalisation (one modular inverse), and connecting a block of transfers.
 */
final class StateHashBench implements BenchPart {

    private static final long WARMUP_NANOS = 2_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;
    private static final int TRANSFERS_PER_BLOCK = 1_000;

    @Override
    public String name() {
        return "state hash (MuHash3072) and state transition";
    }

    @Override
    public void run(FigureSink out) {
        Random random = new Random(1);
        byte[][] elements = new byte[4096][49];
        for (byte[] element : elements) {
            random.nextBytes(element);
        }
        MuHash3072[] hash = {MuHash3072.EMPTY};
        int[] next = {0};
        out.report("protocol.state.muhash.insert", rate(() -> {
            hash[0] = hash[0].insert(elements[next[0]++ & 4095]);
            return 1;
        }), "ops/s");
        out.report("protocol.state.muhash.remove", rate(() -> {
            hash[0] = hash[0].remove(elements[next[0]++ & 4095]);
            return 1;
        }), "ops/s");
        out.report("protocol.state.muhash.finalize", rate(() -> hash[0].finalizeBytes().length > 0 ? 1 : 0), "ops/s");

        InMemoryAccountState state = InMemoryAccountState.empty();
        List<Address> addresses = new ArrayList<>();
        List<AccountEntry> funded = new ArrayList<>();
        List<SpendingPolicy> policies = new ArrayList<>();
        for (int i = 0; i < TRANSFERS_PER_BLOCK; i++) {
            byte[] key = new byte[MlDsaPublicKey.SIZE];
            random.nextBytes(key);
            policies.add(SpendingPolicy.singleKey(new MlDsaPublicKey(Bytes.of(key))));
            byte[] address = new byte[Hash256.SIZE];
            random.nextBytes(address);
            addresses.add(new Address(Hash256.of(address)));
            funded.add(new AccountEntry(addresses.getLast(), new Account(Amount.ofUnits(1_000_000), 0)));
        }
        state.apply(new StateDiff(0, new StateChanges(funded.stream().sorted((a, b) -> a.address().compareTo(b.address())).toList(), List.of(), List.of())));
        List<Transaction> txs = new ArrayList<>();
        txs.add(new CoinbaseTx(1, 1, addresses.getFirst(), Amount.ZERO, Bytes.EMPTY));
        for (int i = 0; i < TRANSFERS_PER_BLOCK; i++) {
            txs.add(new TransferTx(1, addresses.get(i), 1, addresses.get((i * 7 + 3) % TRANSFERS_PER_BLOCK),
                    Amount.ofUnits(100), Amount.ofUnits(1), 0, Bytes.EMPTY, policies.get(i), List.of()));
        }
        Block block = new Block(new BlockHeader(1, 1, Hash256.ZERO, Hash256.ZERO, Hash256.ZERO, 0,
                new CompactTarget(0x207f_ffff), 0), txs);
        double blocks = rate(() -> StateTransition.apply(state, block, SubsidySchedule.REGTEST) instanceof TransitionResult.Applied ? 1 : 0);
        out.report("protocol.state.transition.transfers", blocks * TRANSFERS_PER_BLOCK, "transfers/s");
    }

    /** Operations per second of {@code op} (which returns how many operations it did) after a warm-up. */
    private static double rate(IntSupplier op) {
        long sink = 0;
        long warmEnd = System.nanoTime() + WARMUP_NANOS;
        while (System.nanoTime() < warmEnd) {
            sink += op.getAsInt();
        }
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() - start < MEASURE_NANOS) {
            count += op.getAsInt();
        }
        long elapsed = System.nanoTime() - start;
        if (sink < 0) {
            throw new IllegalStateException();
        }
        return count * 1e9 / elapsed;
    }
}
