package io.numicoin.p2p.gossipsub.score;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.peer.PeerId;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * What the scorer remembers of each recent message: whether it was validated, when, and which
 * peers delivered it while it was being validated (they share the first deliverer's fate: near-first
 * credit if valid, P4 if invalid). Records expire after a fixed time, oldest first,
 * and the oldest go first when there are too many.
 */
final class DeliveryRecords {

    enum Status { PENDING, VALID, INVALID, IGNORED }

    static final class Record {
        Status status = Status.PENDING;
        final long firstSeenMillis;
        long validatedMillis;
        final Set<PeerId> peers = new HashSet<>();

        Record(long firstSeenMillis) {
            this.firstSeenMillis = firstSeenMillis;
        }
    }

    private final LinkedHashMap<Blob, Record> records;
    private final long ttlMillis;

    DeliveryRecords(long ttlMillis, int maxRecords) {
        this.ttlMillis = ttlMillis;
        this.records = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<Blob, Record> eldest) {
                return size() > maxRecords;
            }
        };
    }

    Record get(Blob id, long nowMillis) {
        return records.computeIfAbsent(id, k -> new Record(nowMillis));
    }

    void expire(long nowMillis) {
        Iterator<Record> it = records.values().iterator();
        while (it.hasNext() && it.next().firstSeenMillis + ttlMillis <= nowMillis) {
            it.remove();
        }
    }

    int size() {
        return records.size();
    }
}
