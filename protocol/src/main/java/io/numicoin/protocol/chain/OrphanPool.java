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
 * total of the sizes the caller gives for each entry: when either is exceeded the oldest entries
 * are evicted first. An entry expires once more than {@code maxAgeSeconds} have passed since it
 * was added. Time is passed in; expiry happens on {@link #add} and {@link #expire}.
 *
 * <p>Not thread-safe: meant for one thread at a time, like {@link BlockTree}.
 *
 * @param <T> what is stored per orphan (a {@code Block}, a header, raw bytes...)
 */
public final class OrphanPool<T> {

    public static final int DEFAULT_MAX_COUNT = 750;
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final long DEFAULT_MAX_AGE_SECONDS = 20 * 60;

    private record Orphan<T>(Hash256 id, Hash256 parentId, long size, T payload, long addedAt) {
    }

    private final int maxCount;
    private final long maxBytes;
    private final long maxAgeSeconds;
    /** Insertion order is age order: the first entry is the oldest. */
    private final LinkedHashMap<Hash256, Orphan<T>> byId = new LinkedHashMap<>();
    private final Map<Hash256, Set<Hash256>> idsByParent = new LinkedHashMap<>();
    private long bytes;

    public OrphanPool(int maxCount, long maxBytes, long maxAgeSeconds) {
        if (maxCount < 1 || maxBytes < 1 || maxAgeSeconds < 0) {
            throw new IllegalArgumentException("bounds must be positive: count " + maxCount
                    + ", bytes " + maxBytes + ", age " + maxAgeSeconds);
        }
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    /** A pool with {@link #DEFAULT_MAX_COUNT}, {@link #DEFAULT_MAX_BYTES} and {@link #DEFAULT_MAX_AGE_SECONDS}. */
    public static <T> OrphanPool<T> withDefaults() {
        return new OrphanPool<>(DEFAULT_MAX_COUNT, DEFAULT_MAX_BYTES, DEFAULT_MAX_AGE_SECONDS);
    }

    /** Stores an orphan waiting for {@code parentId}, first dropping expired entries. */
    public OrphanAddResult add(Hash256 id, Hash256 parentId, long sizeBytes, T payload, long nowSeconds) {
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
        if (sizeBytes > maxBytes) {
            return OrphanAddResult.TOO_LARGE;
        }
        byId.put(id, new Orphan<>(id, parentId, sizeBytes, payload, nowSeconds));
        idsByParent.computeIfAbsent(parentId, p -> new LinkedHashSet<>()).add(id);
        bytes += sizeBytes;
        while (byId.size() > maxCount || bytes > maxBytes) {
            remove(byId.firstEntry().getValue());
        }
        return OrphanAddResult.ADDED;
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
    }
}
