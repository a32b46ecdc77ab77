package io.numicoin.mempool.pool;

import java.util.List;

/**
 * A package for a template: the prefix run[start, end) of a sender's includable run, with its summed
 * fees and bytes. Ordered best first: higher package rate (fees / bytes), then, for equal rates, the
 * lower txid of its first transaction, so a choice never depends on the order candidates were found in
 * (a sender has at most one candidate in play, so the order is total).
 */
record TemplateCandidate(List<PoolEntry> run, int start, int end, long fees, long bytes, double rate)
        implements Comparable<TemplateCandidate> {

    TemplateCandidate(List<PoolEntry> run, int start, int end, long fees, long bytes) {
        this(run, start, end, fees, bytes, (double) fees / bytes);
    }

    /** The best prefix of run[start, limit) whose bytes stay within {@code maxBytes}; null if none. */
    static TemplateCandidate best(List<PoolEntry> run, int start, int limit, long maxBytes) {
        long fees = 0;
        long bytes = 0;
        TemplateCandidate best = null;
        for (int i = start; i < limit; i++) {
            fees += run.get(i).fee();
            bytes += run.get(i).size();
            if (bytes > maxBytes) {
                break;
            }
            if (best == null || (double) fees / bytes > best.rate) {
                best = new TemplateCandidate(run, start, i + 1, fees, bytes);
            }
        }
        return best;
    }

    int count() {
        return end - start;
    }

    @Override
    public int compareTo(TemplateCandidate other) {
        int byRate = Double.compare(other.rate, rate);
        return byRate != 0 ? byRate : run.get(start).txid().compareTo(other.run.get(other.start).txid());
    }
}
