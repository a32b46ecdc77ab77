package io.numicoin.mempool.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Chooses a block's transactions from the senders' includable runs: by package fee rate, never
 * breaking a sender's nonce order. For each sender the candidate is the prefix of its remaining run
 * with the best combined rate (sum of fees / sum of sizes), so a cheap nonce n is taken when the
 * children behind it pay for it, and nonce n+1 never comes without n. Candidates are taken best
 * first; a package that does not fit whole is retried as its best prefix that fits. Pure.
 */
public final class TemplateBuilder {

    private TemplateBuilder() {
    }

    public static Template build(ChainTip tip, List<List<PoolEntry>> runs, long maxBytes, int maxTransactions) {
        PriorityQueue<Candidate> queue = new PriorityQueue<>(Math.max(1, runs.size()));
        for (List<PoolEntry> run : runs) {
            Candidate candidate = Candidate.best(run, 0, run.size(), Long.MAX_VALUE);
            if (candidate != null) {
                queue.add(candidate);
            }
        }
        List<PoolEntry> chosen = new ArrayList<>();
        long bytes = 0;
        long fees = 0;
        while (!queue.isEmpty() && chosen.size() < maxTransactions) {
            Candidate candidate = queue.poll();
            if (bytes + candidate.bytes > maxBytes || chosen.size() + candidate.count() > maxTransactions) {
                // the package does not fit whole: retry with the best prefix of it that fits
                Candidate smaller = Candidate.best(candidate.run, candidate.start,
                        candidate.end - 1, maxBytes - bytes);
                if (smaller != null) {
                    queue.add(smaller);
                }
                continue;
            }
            for (int i = candidate.start; i < candidate.end; i++) {
                PoolEntry entry = candidate.run.get(i);
                chosen.add(entry);
                bytes += entry.size();
                fees += entry.fee();
            }
            Candidate next = Candidate.best(candidate.run, candidate.end, candidate.run.size(), Long.MAX_VALUE);
            if (next != null) {
                queue.add(next);
            }
        }
        return new Template(tip, chosen, bytes, fees);
    }

    /** The prefix run[start, end) with the best package rate; ordered best first. */
    private record Candidate(List<PoolEntry> run, int start, int end, long fees, long bytes) implements Comparable<Candidate> {

        /** The best prefix of run[start, limit) whose bytes stay within {@code maxBytes}; null if none. */
        static Candidate best(List<PoolEntry> run, int start, int limit, long maxBytes) {
            long fees = 0;
            long bytes = 0;
            Candidate best = null;
            for (int i = start; i < limit; i++) {
                fees += run.get(i).fee();
                bytes += run.get(i).size();
                if (bytes > maxBytes) {
                    break;
                }
                if (best == null || (double) fees / bytes > (double) best.fees / best.bytes) {
                    best = new Candidate(run, start, i + 1, fees, bytes);
                }
            }
            return best;
        }

        int count() {
            return end - start;
        }

        @Override
        public int compareTo(Candidate other) {
            return Double.compare((double) other.fees / other.bytes, (double) fees / bytes);
        }
    }
}
