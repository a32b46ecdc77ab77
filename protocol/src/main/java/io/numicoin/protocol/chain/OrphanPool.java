package io.numicoin.protocol.chain;

import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Blocks (or headers) whose parent is not known yet, waiting for it. Bounded by a count and by the
 * total of the sizes the caller gives for each entry, and per source (the peer an orphan came
 * from) by a quota of its own: a source over its quota loses its own oldest entry, and when the
 * whole pool is over its bounds the oldest entry of the source holding the most is evicted. So a
 * flood from one source only ever evicts that source's orphans, never another's. An entry expires
 * once more than {@code maxAgeSeconds} have passed since it was added. Time is passed in; expiry
 * happens on {@link #add} and {@link #expire}.
 *
 * <p>Not thread-safe: meant for one thread at a time, like {@link BlockTree}.
 *
 * @param <T> what is stored per orphan (a {@code Block}, a header, raw bytes...)
 */
public final class OrphanPool<T> {

    public static final int DEFAULT_MAX_COUNT = 750;
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final long DEFAULT_MAX_AGE_SECONDS = 20 * 60;
    /** Orphans one source may hold at once. */
    public static final int DEFAULT_MAX_COUNT_PER_SOURCE = 64;
    /** Bytes one source's orphans may total (four full-size blocks). */
    public static final long DEFAULT_MAX_BYTES_PER_SOURCE = 8L * 1024 * 1024 + 1024;
    /** The source of orphans added without one. */
    public static final String NO_SOURCE = "";

    private record Orphan<T>(Hash256 id, Hash256 parentId, long size, T payload, long addedAt, String source) {
    }

    /** What one source holds, oldest first. */
    private static final class SourceShare {
        final LinkedHashSet<Hash256> ids = new LinkedHashSet<>();
        long bytes;
    }

    private final int maxCount;
    private final long maxBytes;
    private final long maxAgeSeconds;
    private final int maxCountPerSource;
    private final long maxBytesPerSource;
    private final Map<String, SourceShare> bySource = new LinkedHashMap<>();
    /** Insertion order is age order: the first entry is the oldest. */
    private final LinkedHashMap<Hash256, Orphan<T>> byId = new LinkedHashMap<>();
    private final Map<Hash256, Set<Hash256>> idsByParent = new LinkedHashMap<>();
    private long bytes;

    /** A pool without per-source quotas (every source may fill it). */
    public OrphanPool(int maxCount, long maxBytes, long maxAgeSeconds) {
        this(maxCount, maxBytes, maxAgeSeconds, maxCount, maxBytes);
    }

    public OrphanPool(int maxCount, long maxBytes, long maxAgeSeconds, int maxCountPerSource, long maxBytesPerSource) {
        if (maxCount < 1 || maxBytes < 1 || maxAgeSeconds < 0 || maxCountPerSource < 1 || maxBytesPerSource < 1) {
            throw new IllegalArgumentException("bounds must be positive: count " + maxCount + ", bytes " + maxBytes
                    + ", age " + maxAgeSeconds + ", per source " + maxCountPerSource + " / " + maxBytesPerSource);
        }
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
        this.maxAgeSeconds = maxAgeSeconds;
        this.maxCountPerSource = Math.min(maxCountPerSource, maxCount);
        this.maxBytesPerSource = Math.min(maxBytesPerSource, maxBytes);
    }

    /**
     * A pool with {@link #DEFAULT_MAX_COUNT}, {@link #DEFAULT_MAX_BYTES}, {@link #DEFAULT_MAX_AGE_SECONDS}
     * and the per-source quotas {@link #DEFAULT_MAX_COUNT_PER_SOURCE} and {@link #DEFAULT_MAX_BYTES_PER_SOURCE}.
     */
    public static <T> OrphanPool<T> withDefaults() {
        return new OrphanPool<>(DEFAULT_MAX_COUNT, DEFAULT_MAX_BYTES, DEFAULT_MAX_AGE_SECONDS,
                DEFAULT_MAX_COUNT_PER_SOURCE, DEFAULT_MAX_BYTES_PER_SOURCE);
    }

    /** As {@link #add(Hash256, Hash256, long, Object, long, String)} from {@link #NO_SOURCE}. */
    public OrphanAddResult add(Hash256 id, Hash256 parentId, long sizeBytes, T payload, long nowSeconds) {
        return add(id, parentId, sizeBytes, payload, nowSeconds, NO_SOURCE);
    }

    /**
     * Stores an orphan from {@code source} waiting for {@code parentId}, first dropping expired
     * entries. If {@code source} is then over its quota its own oldest entries go; if the pool is
     * over its bounds, the oldest entries of whichever source holds the most go.
     */
    public OrphanAddResult add(Hash256 id, Hash256 parentId, long sizeBytes, T payload, long nowSeconds, String source) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(payload, "payload");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("size must not be negative: " + sizeBytes);
        }
        expire(nowSeconds);
        if (byId.containsKey(id)) {
            return OrphanAddResult.DUPLICATE;
        }
        if (sizeBytes > maxBytesPerSource) {
            return OrphanAddResult.TOO_LARGE;
        }
        byId.put(id, new Orphan<>(id, parentId, sizeBytes, payload, nowSeconds, source));
        idsByParent.computeIfAbsent(parentId, p -> new LinkedHashSet<>()).add(id);
        SourceShare share = bySource.computeIfAbsent(source, s -> new SourceShare());
        share.ids.add(id);
        share.bytes += sizeBytes;
        bytes += sizeBytes;
        while (share.ids.size() > maxCountPerSource || share.bytes > maxBytesPerSource) {
            remove(byId.get(share.ids.getFirst()));
        }
        while (byId.size() > maxCount || bytes > maxBytes) {
            remove(byId.get(largestSource().ids.getFirst()));
        }
        return OrphanAddResult.ADDED;
    }

    /** How many orphans {@code source} holds now. */
    public int countFrom(String source) {
        SourceShare share = bySource.get(source);
        return share == null ? 0 : share.ids.size();
    }

    /** The source holding the most orphans (by count, then bytes); the pool is not empty. */
    private SourceShare largestSource() {
        SourceShare largest = null;
        for (SourceShare share : bySource.values()) {
            if (largest == null || share.ids.size() > largest.ids.size()
                    || (share.ids.size() == largest.ids.size() && share.bytes > largest.bytes)) {
                largest = share;
            }
        }
        return largest;
    }

    /** Removes and returns, oldest first, every orphan whose parent is {@code parentId}. */
    public List<T> takeChildren(Hash256 parentId) {
        Set<Hash256> ids = idsByParent.get(parentId);
        if (ids == null) {
            return List.of();
        }
        List<T> children = new ArrayList<>(ids.size());
        for (Hash256 id : List.copyOf(ids)) {
            Orphan<T> orphan = byId.get(id);
            children.add(orphan.payload());
            remove(orphan);
        }
        return children;
    }

    /** Drops every entry added more than {@code maxAgeSeconds} before {@code nowSeconds}; returns how many. */
    public int expire(long nowSeconds) {
        int dropped = 0;
        for (Iterator<Orphan<T>> all = byId.values().iterator(); all.hasNext(); ) {
            Orphan<T> orphan = all.next();
            if (nowSeconds - orphan.addedAt() > maxAgeSeconds) {
                all.remove();
                unindex(orphan);
                dropped++;
            }
        }
        return dropped;
    }

    /**
     * The block to ask peers for so that {@code id} can connect: following parents through the
     * pool, the first parent id that is not itself an orphan here. Empty if {@code id} is not stored.
     */
    public Optional<Hash256> missingAncestor(Hash256 id) {
        Orphan<T> walk = byId.get(id);
        if (walk == null) {
            return Optional.empty();
        }
        for (int steps = 0; byId.containsKey(walk.parentId()) && steps < byId.size(); steps++) {
            walk = byId.get(walk.parentId());
        }
        return Optional.of(walk.parentId());
    }

    public boolean contains(Hash256 id) {
        return byId.containsKey(id);
    }

    /** Number of stored orphans. */
    public int size() {
        return byId.size();
    }

    /** Total of the sizes given for the stored orphans. */
    public long bytes() {
        return bytes;
    }

    private void remove(Orphan<T> orphan) {
        byId.remove(orphan.id());
        unindex(orphan);
    }

    /** Forgets {@code orphan}'s size and parent link (it is already out of {@code byId}). */
    private void unindex(Orphan<T> orphan) {
        bytes -= orphan.size();
        Set<Hash256> siblings = idsByParent.get(orphan.parentId());
        siblings.remove(orphan.id());
        if (siblings.isEmpty()) {
            idsByParent.remove(orphan.parentId());
        }
        SourceShare share = bySource.get(orphan.source());
        share.ids.remove(orphan.id());
        share.bytes -= orphan.size();
        if (share.ids.isEmpty()) {
            bySource.remove(orphan.source());
        }
    }
}
