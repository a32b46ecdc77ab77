package io.numicoin.mempool.pool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Chooses a block's transactions from the senders' includable runs: by package fee rate, never
 * breaking a sender's nonce order. For each sender the candidate is the prefix of its remaining run
 * with the best combined rate (sum of fees / sum of sizes), so a cheap nonce n is taken when the
 * children behind it pay for it, and nonce n+1 never comes without n. Candidates are taken best
 * first ({@link TemplateCandidate}'s total order); a package that does not fit whole is retried as
 * its best prefix that fits. Pure.
 *
 * <p>{@link #build} starts from the runs (what a rebuild does); {@link #choose} from the senders'
 * first candidates already in order, as {@link TemplateIndex} keeps them while transactions come and
 * go. Both make the same choice.
 */
public final class TemplateBuilder {

    private TemplateBuilder() {
    }

    /** The template chosen from scratch from every sender's includable run. */
    public static Template build(ChainTip tip, List<List<PoolEntry>> runs, long maxBytes, int maxTransactions) {
        List<TemplateCandidate> initial = new ArrayList<>(runs.size());
        long smallest = Long.MAX_VALUE;
        for (List<PoolEntry> run : runs) {
            TemplateCandidate candidate = TemplateCandidate.best(run, 0, run.size(), Long.MAX_VALUE);
            if (candidate != null) {
                initial.add(candidate);
            }
            for (PoolEntry entry : run) {
                smallest = Math.min(smallest, entry.size());
            }
        }
        initial.sort(null);
        return choose(tip, initial, smallest, maxBytes, maxTransactions);
    }

    /**
     * The template chosen from the senders' first candidates, {@code initial} in their order (best
     * first), {@code smallest} the smallest transaction in any run: only as many candidates are read as
     * the greedy choice reaches.
     */
    static Template choose(ChainTip tip, Iterable<TemplateCandidate> initial, long smallest, long maxBytes, int maxTransactions) {
        Iterator<TemplateCandidate> firsts = initial.iterator();
        TemplateCandidate nextFirst = firsts.hasNext() ? firsts.next() : null;
        PriorityQueue<TemplateCandidate> queue = new PriorityQueue<>();  // follow-ups and retries
        List<PoolEntry> chosen = new ArrayList<>();
        long bytes = 0;
        long fees = 0;
        while ((nextFirst != null || !queue.isEmpty()) && chosen.size() < maxTransactions && maxBytes - bytes >= smallest) {
            TemplateCandidate candidate;
            if (nextFirst != null && (queue.isEmpty() || nextFirst.compareTo(queue.peek()) < 0)) {
                candidate = nextFirst;
                nextFirst = firsts.hasNext() ? firsts.next() : null;
            } else {
                candidate = queue.poll();
            }
            if (bytes + candidate.bytes() > maxBytes || chosen.size() + candidate.count() > maxTransactions) {
                // the package does not fit whole: retry with the best prefix of it that fits
                TemplateCandidate smaller = TemplateCandidate.best(candidate.run(), candidate.start(),
                        candidate.end() - 1, maxBytes - bytes);
                if (smaller != null) {
                    queue.add(smaller);
                }
                continue;
            }
            for (int i = candidate.start(); i < candidate.end(); i++) {
                PoolEntry entry = candidate.run().get(i);
                chosen.add(entry);
                bytes += entry.size();
                fees += entry.fee();
            }
            TemplateCandidate next = TemplateCandidate.best(candidate.run(), candidate.end(), candidate.run().size(), Long.MAX_VALUE);
            if (next != null) {
                queue.add(next);
            }
        }
        return new Template(tip, chosen, bytes, fees);
    }
}
