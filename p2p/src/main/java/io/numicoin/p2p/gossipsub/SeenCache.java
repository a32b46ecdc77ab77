package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of messages seen in the last {@code seen_ttl}: a message whose id is here is a duplicate
 * and is neither validated nor forwarded again. Expiry is by first sight (a duplicate does not
 * extend it); when over {@code maxEntries} the oldest ids go first.
 */
final class SeenCache {

    private final long ttlMillis;
    private final int maxEntries;
    private final LinkedHashMap<Blob, Long> seenAt = new LinkedHashMap<>();

    SeenCache(long ttlMillis, int maxEntries) {
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    /** Records the id; false if it was already there (a duplicate). */
    boolean add(Blob id, long nowMillis) {
        if (seenAt.containsKey(id)) {
            return false;
        }
        seenAt.put(id, nowMillis);
        if (seenAt.size() > maxEntries) {
            Iterator<Blob> eldest = seenAt.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return true;
    }

    boolean contains(Blob id) {
        return seenAt.containsKey(id);
    }

    void expire(long nowMillis) {
        Iterator<Map.Entry<Blob, Long>> it = seenAt.entrySet().iterator();
        while (it.hasNext() && it.next().getValue() + ttlMillis <= nowMillis) {
            it.remove();
        }
    }

    int size() {
        return seenAt.size();
    }
}
