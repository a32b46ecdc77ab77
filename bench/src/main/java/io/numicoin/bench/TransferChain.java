package io.numicoin.bench;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.BlockSpec;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A regtest chain of signed transfers for the import benchmark: {@code COINBASE_MATURITY + 1} mined
 * blocks, funding blocks in which the miner (key 1) gives each of {@code senders} accounts 1 NUMI,
 * (20 per block), then {@code blocks} blocks of {@code txPerBlock} transfers, each from a different sender to another
 * sender (so the account set stays small and every block touches {@code 2 x txPerBlock} accounts).
 * Signing runs on {@code pool}; blocks are built in order by {@link ChainBuilder}.
 */
final class TransferChain {

    static final int FIRST_SENDER_KEY = 1_000;

    final List<Block> setup = new ArrayList<>();
    final List<Block> measured = new ArrayList<>();

    private TransferChain() {
    }

    /** The chain from {@code cache} if it holds one of this shape, else built and written there. */
    static TransferChain cached(Path cache, int blocks, int txPerBlock, int senders, ExecutorService pool) throws Exception {
        return cached(cache, blocks, txPerBlock, senders, 0, pool);
    }

    /**
     * As {@link #cached(Path, int, int, int, ExecutorService)}, with every block stamped
     * {@code spacingSeconds} after its parent (0: the network's target spacing). A node on the real
     * clock needs a small spacing: at 15 s a 5,000-block regtest chain ends beyond the future limit.
     */
    static TransferChain cached(Path cache, int blocks, int txPerBlock, int senders, long spacingSeconds, ExecutorService pool)
            throws Exception {
        if (Files.exists(cache)) {
            TransferChain chain = new TransferChain();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
                int setup = in.readInt();
                int measured = in.readInt();
                for (int i = 0; i < setup + measured; i++) {
                    byte[] bytes = in.readNBytes(in.readInt());
                    (i < setup ? chain.setup : chain.measured).add(BlockCodec.decode(bytes));
                }
            }
            if (chain.measured.size() == blocks) {
                return chain;
            }
        }
        TransferChain chain = new TransferChain(blocks, txPerBlock, senders, spacingSeconds, pool);
        Files.createDirectories(cache.getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
            out.writeInt(chain.setup.size());
            out.writeInt(chain.measured.size());
            for (List<Block> part : List.of(chain.setup, chain.measured)) {
                for (Block block : part) {
                    byte[] bytes = BlockCodec.encode(block);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
            }
        }
        return chain;
    }

    TransferChain(int blocks, int txPerBlock, int senders, ExecutorService pool) throws Exception {
        this(blocks, txPerBlock, senders, 0, pool);
    }

    TransferChain(int blocks, int txPerBlock, int senders, long spacingSeconds, ExecutorService pool) throws Exception {
        if (senders < txPerBlock) {
            throw new IllegalArgumentException("need at least one sender per transfer in a block");
        }
        ChainBuilder builder = ChainBuilder.regtest();
        Block tip = builder.genesis();
        for (int i = 0; i <= ProtocolLimits.COINBASE_MATURITY; i++) {
            tip = stamped(builder.child(tip), tip, spacingSeconds).coinbaseTo(TestKeys.address(1)).build();
            setup.add(tip);
        }
        Map<Integer, Long> nonces = new HashMap<>();
        for (int funded = 0; funded < senders; ) {
            List<TransferTx> txs = new ArrayList<>();
            for (int i = 0; i < Math.min(txPerBlock, 20) && funded < senders; i++, funded++) {  // within the miner's matured rewards
                txs.add(builder.transfer(1, TestKeys.address(FIRST_SENDER_KEY + funded), 100_000_000L, 100, funded + 1));
            }
            tip = stamped(builder.child(tip), tip, spacingSeconds).coinbaseTo(TestKeys.address(1)).transfers(txs).build();
            setup.add(tip);
        }
        int next = 0;
        for (int b = 0; b < blocks; b++) {
            List<Future<TransferTx>> signing = new ArrayList<>(txPerBlock);
            for (int i = 0; i < txPerBlock; i++) {
                int from = FIRST_SENDER_KEY + (next + i) % senders;
                int to = FIRST_SENDER_KEY + (next + i + 1 + b % (senders - 1)) % senders;
                long nonce = nonces.merge(from, 1L, Long::sum);
                signing.add(pool.submit(() -> builder.transfer(from, TestKeys.address(to), 1_000, 100, nonce)));
            }
            next = (next + txPerBlock) % senders;
            List<TransferTx> txs = new ArrayList<>(txPerBlock);
            for (Future<TransferTx> tx : signing) {
                txs.add(tx.get());
            }
            tip = stamped(builder.child(tip), tip, spacingSeconds).coinbaseTo(TestKeys.address(1)).transfers(txs).build();
            measured.add(tip);
            if ((b + 1) % 1_000 == 0) {
                System.err.println("bench node: built " + (b + 1) + " of " + blocks + " blocks");
            }
        }
    }

    private static BlockSpec stamped(BlockSpec spec, Block parent, long spacingSeconds) {
        return spacingSeconds > 0 ? spec.timestamp(parent.header().timestamp() + spacingSeconds) : spec;
    }
}
