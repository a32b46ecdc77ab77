package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.peer.PeerId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * IWANT follow-up tracking (gossipsub v1.1 spam protection): for each IWANT we send after an IHAVE,
 * one random requested id is a promise the advertiser must keep within {@code iwantFollowupTime};
 * the message arriving from anyone keeps it. Broken promises become P7 penalties.
 */
final class GossipPromises {

    private final Map<Blob, Map<PeerId, Long>> promises = new HashMap<>();
    private final long followupMillis;

    GossipPromises(long followupMillis) {
        this.followupMillis = followupMillis;
    }

    void add(PeerId peer, List<Blob> requested, RandomGenerator random, long nowMillis) {
        if (requested.isEmpty()) {
            return;
        }
        Blob id = requested.get(random.nextInt(requested.size()));
        promises.computeIfAbsent(id, k -> new HashMap<>()).putIfAbsent(peer, nowMillis + followupMillis);
    }

    /** The message arrived (first delivery, about to be validated). */
    void fulfil(Blob id) {
        promises.remove(id);
    }

    /** Removes expired promises; returns the number broken per peer. */
    Map<PeerId, Integer> takeBroken(long nowMillis) {
        Map<PeerId, Integer> broken = new HashMap<>();
        Iterator<Map<PeerId, Long>> it = promises.values().iterator();
        while (it.hasNext()) {
            Map<PeerId, Long> peers = it.next();
            peers.entrySet().removeIf(e -> {
                if (e.getValue() <= nowMillis) {
                    broken.merge(e.getKey(), 1, Integer::sum);
                    return true;
                }
                return false;
            });
            if (peers.isEmpty()) {
                it.remove();
            }
        }
        return broken;
    }

    int size() {
        return promises.size();
    }
}
