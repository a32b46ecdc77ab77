package io.numicoin.protocol.crypto;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.mldsa.ExpandedPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The last {@code capacity} ML-DSA-65 public keys a verifier expanded ({@link ExpandedPublicKey},
 * ~37 KB each) and found a valid signature under, least recently used out first: a sender whose
 * key verified recently costs about a third of a verification the next time. Owned by whoever makes
 * it (a node's chain service), never a global. Keys are expanded outside the lock, so two threads
 * that miss on the same key both expand it (the second kept replaces the first; both are the same).
 * A cache of capacity 0 keeps nothing and counts every lookup as a miss, so a setting of 0 needs no
 * second code path and its meters still say how many keys were expanded. Thread-safe.
 */
public final class ExpandedKeyCache {

    private final int capacity;
    private final Map<Bytes, ExpandedPublicKey> keys;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** @param capacity keys kept (0 keeps none; {@link ExpandedPublicKey#APPROXIMATE_BYTES} of heap each) */
    public ExpandedKeyCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("an expanded-key cache cannot hold a negative number of keys, got " + capacity);
        }
        this.capacity = capacity;
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Bytes, ExpandedPublicKey> eldest) {
                return size() > ExpandedKeyCache.this.capacity;
            }
        };
    }

    /** The expanded form of {@code key} if it is kept (counted as a hit), else null (a miss). */
    public ExpandedPublicKey lookup(MlDsaPublicKey key) {
        ExpandedPublicKey cached;
        synchronized (keys) {
            cached = keys.get(key.bytes());
        }
        (cached != null ? hits : misses).increment();
        return cached;
    }

    /** Keeps {@code expanded} as {@code key}'s, the most recently used; the least recently used goes past the capacity. */
    public void keep(MlDsaPublicKey key, ExpandedPublicKey expanded) {
        if (capacity == 0) {
            return;
        }
        synchronized (keys) {
            keys.put(key.bytes(), expanded);
        }
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        synchronized (keys) {
            return keys.size();
        }
    }

    /** Lookups that found the key expanded already. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that expanded the key. */
    public long misses() {
        return misses.sum();
    }

    /** The share of lookups that found the key expanded already; 0 before the first lookup. */
    public double hitRatio() {
        long found = hits();
        long lookups = found + misses();
        return lookups == 0 ? 0 : (double) found / lookups;
    }
}
