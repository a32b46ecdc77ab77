package io.numicoin.explorer.index;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.BlockDisconnected;
import io.numicoin.events.ChainEvent;
import io.numicoin.events.EventMeta;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.state.InMemoryAccountState;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real chains (real signatures, real proofs of work on regtest) and the {@code numi.chain.v1} events
 * a node would publish for them: a funded base, a main branch with transfers, and for a depth d a
 * heavier fork replacing the main branch's top d blocks.
 */
final class ChainFixture {

    static final ChainBuilder CHAIN = ChainBuilder.regtest();
    static final int CHAIN_ID = CHAIN.params().chainId();
    /** Every key the fixture pays or spends from. */
    static final List<Integer> KEYS = List.of(1, 2, 3, 10, 11, 12, 20, 21);
    static final int MAIN_LENGTH = 12;

    private static final Map<Hash256, BigInteger> WORK = new HashMap<>();
    private static final Map<Hash256, Block> ALL = new HashMap<>();

    /** Genesis, 101 blocks paying key 1 (its first coinbase matures), then {@link #MAIN_LENGTH} blocks with transfers. */
    static final List<Block> MAIN = buildMain();


    private ChainFixture() {
    }

    private static List<Block> buildMain() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(CHAIN.genesis());
        blocks.addAll(CHAIN.extend(CHAIN.genesis(), 101, 1));
        for (int i = 0; i < MAIN_LENGTH; i++) {
            Block tip = blocks.getLast();
            blocks.add(CHAIN.child(tip).coinbaseTo(TestKeys.address(2))
                    .transfers(CHAIN.transfer(1, TestKeys.address(10 + i % 3), 1_000_000L + i, 20_000, i + 1))
                    .build());
        }
        register(blocks);
        return List.copyOf(blocks);
    }

    /** {@code depth + 1} blocks forking off {@link #MAIN} below its top {@code depth} blocks, with other transfers. */
    static List<Block> fork(int depth) {
        int forkIndex = MAIN.size() - 1 - depth;
        int transfersBefore = forkIndex - 101;
        List<Block> out = new ArrayList<>();
        Block tip = MAIN.get(forkIndex);
        for (int k = 0; k <= depth; k++) {
            int nonce = transfersBefore + k + 1;
            tip = CHAIN.child(tip).coinbaseTo(TestKeys.address(3))
                    .transfers(CHAIN.transfer(1, TestKeys.address(20 + k % 2), 500_000L + k, 30_000, nonce))
                    .build();
            out.add(tip);
        }
        return out;
    }

    static Hash256 id(Block block) {
        return BlockHeaderCodec.id(block.header());
    }

    /** The chain's cumulative work through {@code block} (a block of MAIN or a fork, whose parents came first). */
    static synchronized BigInteger work(Block block) {
        BigInteger known = WORK.get(id(block));
        if (known != null) {
            return known;
        }
        BigInteger own = block.header().target().work();
        BigInteger work = block.height() == 0 ? own : work(parentOf(block)).add(own);
        WORK.put(id(block), work);
        return work;
    }

    private static synchronized Block parentOf(Block block) {
        Block parent = ALL.get(block.header().previousId());
        if (parent == null) {
            throw new IllegalStateException("register blocks before asking for their work");
        }
        return parent;
    }

    static synchronized void register(List<Block> blocks) {
        blocks.forEach(b -> ALL.put(id(b), b));
    }

    /** Events connecting {@code blocks} with sequences from {@code firstSequence}. */
    static List<ChainEvent> connects(List<Block> blocks, long firstSequence) {
        register(blocks);
        List<ChainEvent> out = new ArrayList<>();
        long seq = firstSequence;
        for (Block b : blocks) {
            out.add(BlockConnected.of(new EventMeta(CHAIN_ID, seq++, 1_000L * b.height()), work(b), b));
        }
        return out;
    }

    /** The events of a reorg of {@code depth} onto {@link #fork(int)}, sequences from {@code firstSequence}. */
    static List<ChainEvent> reorg(List<Block> fork, int depth, long firstSequence) {
        register(fork);
        List<ChainEvent> out = new ArrayList<>();
        long seq = firstSequence;
        for (int i = MAIN.size() - 1; i >= MAIN.size() - depth; i--) {
            Block b = MAIN.get(i);
            out.add(BlockDisconnected.of(new EventMeta(CHAIN_ID, seq++, 0), work(MAIN.get(i - 1)), b));
        }
        out.addAll(connects(fork, seq));
        return out;
    }

    /** Balance including immature coinbase rewards (the explorer's balance) of {@code address} after {@code tip}. */
    static long expectedBalance(Block tip, Address address) {
        InMemoryAccountState state = CHAIN.stateAfter(tip);
        long immature = state.immatureRewards().values().stream().filter(r -> r.recipient().equals(address))
                .mapToLong(r -> r.amount().units()).sum();
        return state.account(address).balance().units() + immature;
    }

}
