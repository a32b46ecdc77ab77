package io.numicoin.mempool.pool;

import io.numicoin.protocol.address.Address;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a template starts from, kept as transactions come and go instead of rebuilt from every
 * sender: each sender's first candidate (the best-rate prefix of its includable run) in one ordered
 * set, and the smallest transaction size of every run. {@link Mempool} marks a sender whenever its
 * queue or account nonce changes; {@link #refresh} recomputes only the marked senders, so a
 * template costs the changes since the last one plus the few candidates the greedy choice reads.
 * Not thread-safe: used under the pool's lock.
 */
final class TemplateIndex {

    private record SenderState(TemplateCandidate first, int smallest) {
    }

    private final Map<Address, SenderState> bySender = new HashMap<>();
    private final NavigableSet<TemplateCandidate> ordered = new TreeSet<>();
    private final TreeMap<Integer, Integer> smallestSizes = new TreeMap<>();  // multiset of the senders' smallest sizes
    private final Set<Address> changed = new HashSet<>();

    /** {@code sender}'s pending transactions or account nonce changed. */
    void changed(Address sender) {
        changed.add(sender);
    }

    /** Brings the changed senders up to date from their queues (absent: nothing pending). */
    void refresh(Map<Address, SenderQueue> senders) {
        for (Address sender : changed) {
            SenderState old = bySender.remove(sender);
            if (old != null) {
                ordered.remove(old.first());
                smallestSizes.compute(old.smallest(), (size, count) -> count == 1 ? null : count - 1);
            }
            SenderQueue queue = senders.get(sender);
            List<PoolEntry> run = queue == null ? List.of() : queue.includableRun();
            if (run.isEmpty()) {
                continue;
            }
            int smallest = Integer.MAX_VALUE;
            for (PoolEntry entry : run) {
                smallest = Math.min(smallest, entry.size());
            }
            TemplateCandidate first = TemplateCandidate.best(List.copyOf(run), 0, run.size(), Long.MAX_VALUE);
            bySender.put(sender, new SenderState(first, smallest));
            ordered.add(first);
            smallestSizes.merge(smallest, 1, Integer::sum);
        }
        changed.clear();
    }

    /** The senders' first candidates, best first (after {@link #refresh}). */
    Iterable<TemplateCandidate> firsts() {
        return ordered;
    }

    /** The smallest transaction in any includable run; {@link Long#MAX_VALUE} when none. */
    long smallest() {
        return smallestSizes.isEmpty() ? Long.MAX_VALUE : smallestSizes.firstKey();
    }
}
