package io.numicoin.explorer.stats;

import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The next blocks as a miner would fill them from the pending transfers now: highest fee rate first,
 * never a sender's nonce before its lower one (a sender's lowest pending nonce is its only candidate),
 * each block closed when the next candidate no longer fits its bytes or transaction count. An
 * approximation of the mempool service's template builder, which ranks a sender's run by its
 * package rate: a cheap transfer that a dearer one behind it pays for is placed later here. Pure.
 */
public final class MempoolProjection {

    private static final Comparator<ArrayDeque<PendingTx>> BY_HEAD_RATE =
            Comparator.comparingLong((ArrayDeque<PendingTx> q) -> q.peekFirst().feeRate()).reversed()
                    .thenComparing(q -> q.peekFirst().sender());

    private MempoolProjection() {
    }

    /**
     * @param pending the pending transfers, in any order
     * @param maxBlocks how many blocks to project at most
     * @param blockBytes the transfer bytes one block holds
     * @param blockTransactions the transfers one block holds
     */
    public static List<ProjectedBlock> project(List<PendingTx> pending, int maxBlocks, long blockBytes,
            int blockTransactions) {
        Map<Hash256, List<PendingTx>> bySender = new HashMap<>();
        for (PendingTx tx : pending) {
            bySender.computeIfAbsent(tx.sender(), s -> new ArrayList<>()).add(tx);
        }
        PriorityQueue<ArrayDeque<PendingTx>> heads = new PriorityQueue<>(Math.max(1, bySender.size()), BY_HEAD_RATE);
        for (List<PendingTx> run : bySender.values()) {
            run.sort(Comparator.comparingLong(PendingTx::nonce));
            heads.add(new ArrayDeque<>(run));
        }
        List<ProjectedBlock> blocks = new ArrayList<>();
        List<PendingTx> current = new ArrayList<>();
        long bytes = 0;
        while (!heads.isEmpty() && blocks.size() < maxBlocks) {
            ArrayDeque<PendingTx> queue = heads.poll();
            PendingTx next = queue.pollFirst();
            if (!current.isEmpty() && (bytes + next.size() > blockBytes || current.size() >= blockTransactions)) {
                blocks.add(block(blocks.size(), current, bytes));
                current = new ArrayList<>();
                bytes = 0;
                if (blocks.size() == maxBlocks) {
                    break;
                }
            }
            current.add(next);
            bytes += next.size();
            if (!queue.isEmpty()) {
                heads.add(queue);
            }
        }
        if (!current.isEmpty() && blocks.size() < maxBlocks) {
            blocks.add(block(blocks.size(), current, bytes));
        }
        return blocks;
    }

    private static ProjectedBlock block(int index, List<PendingTx> txs, long bytes) {
        long[] rates = txs.stream().mapToLong(PendingTx::feeRate).sorted().toArray();
        long fees = txs.stream().mapToLong(PendingTx::fee).sum();
        return new ProjectedBlock(index, txs.size(), bytes, fees, rates[0], rates[rates.length / 2],
                rates[rates.length - 1]);
    }
}
