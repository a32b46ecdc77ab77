package io.numicoin.bench;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.BlockSpec;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A regtest chain of signed transfers for the import benchmark: {@code COINBASE_MATURITY + 1} mined
 * blocks, funding blocks in which the miner (key 1) gives each of {@code senders} accounts 1 NUMI
 * (20 per block), then {@code blocks} blocks of {@code txPerBlock} transfers, each sender in turn to
 * another sender (so the account set stays small and every block touches up to
 * {@code 2 x txPerBlock} accounts). {@link #fullBlockTransfers} is the count that fills a block to
 * {@link ProtocolLimits#MAX_BLOCK_BYTES}. Signing runs on a pool; blocks are built in order by
 * {@link ChainBuilder} and written to a cache file as they are made, which the benchmark then
 * streams (a chain of full blocks is ~10 GB: it is never held in memory).
 */
final class TransferChain {

    static final int FIRST_SENDER_KEY = 1_000;
    private static final int FORMAT = 0x4e434833;  // "NCH3"

    private TransferChain() {
    }

    /** The file's setup blocks (in memory: few and small) and a reader over its measured blocks. */
    record Cached(List<Block> setup, Path file, int measuredInFile, int txPerBlock) {

        /** The first {@code count} measured blocks, decoded one at a time from the file. */
        Iterator<Block> measured(int count) {
            if (count > measuredInFile) {
                throw new IllegalArgumentException(count + " blocks wanted, the file has " + measuredInFile);
            }
            DataInputStream in = open(file);
            try {
                skipHeaderAndSetup(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Iterator<>() {
                private int read;

                @Override
                public boolean hasNext() {
                    if (read == count) {
                        close(in);
                        return false;
                    }
                    return true;
                }

                @Override
                public Block next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    read++;
                    return readBlock(in);
                }
            };
        }
    }

    /** How many transfers of this chain's shape fill a block (header, count, coinbase and transfers within 2 MiB). */
    static int fullBlockTransfers() {
        ChainBuilder builder = ChainBuilder.regtest();
        Block mined = builder.extend(builder.genesis(), 1, 1).getFirst();
        TransferTx sample = builder.transfer(FIRST_SENDER_KEY, TestKeys.address(FIRST_SENDER_KEY + 1), 1_000, 100, 1);
        long room = ProtocolLimits.MAX_BLOCK_BYTES - BlockCodec.PREFIX_SIZE - TransactionCodec.encodedSize(mined.transactions().getFirst());
        return (int) Math.min(ProtocolLimits.MAX_BLOCK_TRANSACTIONS - 1, room / TransactionCodec.encodedSize(sample));
    }

    /** The chain in {@code cache} if it holds at least {@code blocks} of this shape, else built and written there. */
    static Cached cached(Path cache, int blocks, int txPerBlock, int senders, ExecutorService pool) throws Exception {
        return cached(cache, blocks, txPerBlock, senders, 0, pool);
    }

    /**
     * As {@link #cached(Path, int, int, int, ExecutorService)}, with every block stamped
     * {@code spacingSeconds} after its parent (0: the chain builder's spacing). A node on the real
     * clock needs a small spacing: at 15 s a 5,000-block regtest chain ends beyond the future limit.
     */
    static Cached cached(Path cache, int blocks, int txPerBlock, int senders, long spacingSeconds, ExecutorService pool)
            throws Exception {
        if (Files.exists(cache)) {
            try (DataInputStream in = open(cache)) {
                if (in.readInt() == FORMAT && in.readInt() == txPerBlock && in.readInt() == senders
                        && in.readLong() == spacingSeconds) {
                    int setup = in.readInt();
                    int measured = in.readInt();
                    if (measured >= blocks) {
                        List<Block> setupBlocks = new ArrayList<>(setup);
                        for (int i = 0; i < setup; i++) {
                            setupBlocks.add(readBlock(in));
                        }
                        return new Cached(List.copyOf(setupBlocks), cache, measured, txPerBlock);
                    }
                }
            }
        }
        Files.createDirectories(cache.getParent());
        Path partial = cache.resolveSibling(cache.getFileName() + ".partial");
        List<Block> setup = build(partial, blocks, txPerBlock, senders, spacingSeconds, pool);
        Files.move(partial, cache, StandardCopyOption.REPLACE_EXISTING);
        return new Cached(setup, cache, blocks, txPerBlock);
    }

    private static List<Block> build(Path file, int blocks, int txPerBlock, int senders, long spacingSeconds,
            ExecutorService pool) throws Exception {
        if (senders < 2) {
            throw new IllegalArgumentException("need at least two senders");
        }
        ChainBuilder builder = ChainBuilder.regtest();
        List<Block> setup = new ArrayList<>();
        Block tip = builder.genesis();
        for (int i = 0; i <= ProtocolLimits.COINBASE_MATURITY; i++) {
            tip = stamped(builder.child(tip), tip, spacingSeconds).coinbaseTo(TestKeys.address(1)).build();
            setup.add(tip);
        }
        for (int funded = 0; funded < senders; ) {
            List<TransferTx> txs = new ArrayList<>();
            for (int i = 0; i < 20 && funded < senders; i++, funded++) {  // within the miner's matured rewards
                txs.add(builder.transfer(1, TestKeys.address(FIRST_SENDER_KEY + funded), 100_000_000L, 100, funded + 1));
            }
            tip = stamped(builder.child(tip), tip, spacingSeconds).coinbaseTo(TestKeys.address(1)).transfers(txs).build();
            setup.add(tip);
        }
        Map<Integer, Long> nonces = new HashMap<>();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            out.writeInt(FORMAT);
            out.writeInt(txPerBlock);
            out.writeInt(senders);
            out.writeLong(spacingSeconds);
            out.writeInt(setup.size());
            out.writeInt(blocks);
            for (Block block : setup) {
                writeBlock(out, block);
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
                writeBlock(out, tip);
                if ((b + 1) % 250 == 0) {
                    System.err.println("bench node: built " + (b + 1) + " of " + blocks + " blocks");
                }
            }
        }
        return List.copyOf(setup);
    }

    private static void writeBlock(DataOutputStream out, Block block) throws IOException {
        byte[] bytes = BlockCodec.encode(block);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static Block readBlock(DataInputStream in) {
        try {
            int length = in.readInt();
            if (length < 0 || length > ProtocolLimits.MAX_BLOCK_BYTES) {
                throw new IOException("cached block of " + length + " bytes: the cache file is damaged");
            }
            return BlockCodec.decode(in.readNBytes(length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DecodeException e) {
            throw new IllegalStateException("a cached block does not decode: delete the cache file", e);
        }
    }

    private static void skipHeaderAndSetup(DataInputStream in) throws IOException {
        in.readInt();
        in.readInt();
        in.readInt();
        in.readLong();
        int setup = in.readInt();
        in.readInt();
        for (int i = 0; i < setup; i++) {
            in.skipNBytes(in.readInt());
        }
    }

    private static DataInputStream open(Path file) {
        try {
            return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(DataInputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BlockSpec stamped(BlockSpec spec, Block parent, long spacingSeconds) {
        return spacingSeconds > 0 ? spec.timestamp(parent.header().timestamp() + spacingSeconds) : spec;
    }
}
