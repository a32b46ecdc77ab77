package io.numicoin.pool.work;

import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pool's jobs: those on the current tip are live (a share on any of them may solve a block,
 * so a better template does not make the previous one stale); a clean job drops them all, and
 * their ids are remembered as stale for a while so a late share is told "stale", not "unknown".
 * Each live job keeps the shares seen on it, for duplicate detection.
 */
public final class JobBook {

    private static final int STALE_IDS_KEPT = 256;

    private final int maxLiveJobs;
    private final int maxSharesPerJob;
    private final Map<String, PoolJob> live = new LinkedHashMap<>();
    private final Map<String, Set<ShareKey>> seen = new ConcurrentHashMap<>();
    private final Deque<String> staleIds = new ArrayDeque<>();
    private final Set<String> staleSet = ConcurrentHashMap.newKeySet();
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private volatile PoolJob current;

    /** A share's identity within a job. */
    public record ShareKey(String extranonce1, String extranonce2, long ntime, long nonce) {
    }

    public JobBook(int maxLiveJobs, int maxSharesPerJob) {
        this.maxLiveJobs = maxLiveJobs;
        this.maxSharesPerJob = maxSharesPerJob;
    }

    public void addListener(JobListener listener) {
        listeners.add(listener);
    }

    /** Makes {@code job} current; a clean job retires every live one. Listeners are told after. */
    public void publish(PoolJob job) {
        synchronized (this) {
            if (job.clean()) {
                live.keySet().forEach(this::retire);
                live.clear();
            }
            live.put(job.id(), job);
            seen.put(job.id(), ConcurrentHashMap.newKeySet());
            while (live.size() > maxLiveJobs) {
                String oldest = live.keySet().iterator().next();
                live.remove(oldest);
                retire(oldest);
            }
            current = job;
        }
        listeners.forEach(l -> l.newJob(job));
    }

    private void retire(String id) {
        seen.remove(id);
        staleIds.addLast(id);
        staleSet.add(id);
        while (staleIds.size() > STALE_IDS_KEPT) {
            staleSet.remove(staleIds.removeFirst());
        }
    }

    /**
     * A share on a job with this parent solved a block: every job on it is stale from now on (a
     * further block at the same height would only be a side branch), and there is no current job
     * until the next one is published.
     */
    public synchronized void solved(Hash256 parentId) {
        live.values().removeIf(job -> {
            if (job.parentId().equals(parentId)) {
                retire(job.id());
                return true;
            }
            return false;
        });
        if (current != null && current.parentId().equals(parentId)) {
            current = null;
        }
    }

    public Optional<PoolJob> current() {
        return Optional.ofNullable(current);
    }

    public synchronized JobLookup lookup(String id) {
        PoolJob job = live.get(id);
        if (job != null) {
            return new JobLookup.Live(job);
        }
        return staleSet.contains(id) ? new JobLookup.Stale() : new JobLookup.Unknown();
    }

    /**
     * Records a share on a live job; false when the same share was seen before (or the job was
     * retired meanwhile, or holds its maximum of shares: then it is refused as a duplicate too).
     */
    public boolean firstSeen(PoolJob job, ShareKey key) {
        Set<ShareKey> shares = seen.get(job.id());
        if (shares == null || shares.size() >= maxSharesPerJob) {
            return false;
        }
        return shares.add(key);
    }
}
