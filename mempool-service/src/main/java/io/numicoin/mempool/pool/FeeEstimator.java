package io.numicoin.mempool.pool;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A simple fee-rate estimate for confirmation within {@code blocks} blocks:
 * <ol>
 * <li>POOL: if the pool holds more than {@code blocks} blocks' worth of bytes, the fee rate of the
 *     pending transaction at that depth (ranked highest first) plus one — outbidding it puts a
 *     transaction into the first {@code blocks} blocks if nothing better arrives;</li>
 * <li>RECENT_BLOCKS: otherwise the median over the last {@value #WINDOW} connected blocks of the
 *     lowest fee rate each included (blocks without transfers do not count);</li>
 * <li>MINIMUM: otherwise the pool's minimum fee rate.</li>
 * </ol>
 * Never below the pool's minimum. Thread-safe.
 */
public final class FeeEstimator {

    /** Blocks remembered. */
    public static final int WINDOW = 12;

    /** Where an estimate came from. */
    public enum Basis { POOL, RECENT_BLOCKS, MINIMUM }

    public record Estimate(int blocks, long feeRate, Basis basis) {
    }

    private final long blockBytes;
    private final Deque<Long> lowestRates = new ArrayDeque<>();

    /** @param blockBytes the transaction bytes one block carries (2 MiB minus header and coinbase room) */
    public FeeEstimator(long blockBytes) {
        this.blockBytes = blockBytes;
    }

    /** Records the lowest fee rate {@code block} included (nothing if it has no transfers). */
    public synchronized void blockConnected(Block block) {
        long lowest = Long.MAX_VALUE;
        for (Transaction tx : block.transactions()) {
            if (tx instanceof TransferTx transfer) {
                lowest = Math.min(lowest, PoolEntry.feeRate(transfer.fee().units(), TransactionCodec.encodedSize(transfer)));
            }
        }
        if (lowest != Long.MAX_VALUE) {
            lowestRates.addLast(lowest);
            while (lowestRates.size() > WINDOW) {
                lowestRates.removeFirst();
            }
        }
    }

    public Estimate estimate(int blocks, Mempool pool) {
        long minimum = pool.minFeeRate();
        long depth = blocks * blockBytes;
        long bytes = 0;
        for (PoolEntry entry : pool.byRateDescending()) {
            bytes += entry.size();
            if (bytes > depth) {
                return new Estimate(blocks, Math.max(minimum, entry.feeRate() + 1), Basis.POOL);
            }
        }
        List<Long> recent;
        synchronized (this) {
            recent = new ArrayList<>(lowestRates);
        }
        if (!recent.isEmpty()) {
            recent.sort(null);
            return new Estimate(blocks, Math.max(minimum, recent.get(recent.size() / 2)), Basis.RECENT_BLOCKS);
        }
        return new Estimate(blocks, minimum, Basis.MINIMUM);
    }
}
