package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.Message;
import io.numicoin.p2p.peer.PeerId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The gossipsub message cache ({@code mcache}): validated messages in {@code mcache_len} history
 * windows, one per heartbeat. IHAVE gossip advertises the ids of the newest {@code mcache_gossip}
 * windows; IWANT is answered from all of them, at most {@code gossipRetransmission} times per
 * message and peer.
 */
final class MessageCache {

    private record Window(List<Blob> ids) {
    }

    private static final class Entry {
        final Message message;
        final Map<PeerId, Integer> transmissions = new HashMap<>();

        Entry(Message message) {
            this.message = message;
        }
    }

    private final int gossipWindows;
    private final ArrayDeque<Window> windows = new ArrayDeque<>();
    private final Map<Blob, Entry> entries = new HashMap<>();

    MessageCache(int historyLength, int gossipWindows) {
        this.gossipWindows = gossipWindows;
        for (int i = 0; i < historyLength; i++) {
            windows.addLast(new Window(new ArrayList<>()));
        }
    }

    void put(Blob id, Message message) {
        if (entries.putIfAbsent(id, new Entry(message)) == null) {
            windows.peekFirst().ids().add(id);
        }
    }

    boolean contains(Blob id) {
        return entries.containsKey(id);
    }

    /** The message for an IWANT from {@code peer}, or null if absent or already sent too often. */
    Message getForPeer(Blob id, PeerId peer, int maxTransmissions) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return null;
        }
        int count = entry.transmissions.merge(peer, 1, Integer::sum);
        return count > maxTransmissions ? null : entry.message;
    }

    /** Ids of the topic's messages in the newest gossip windows, newest first. */
    List<Blob> gossipIds(String topic) {
        List<Blob> ids = new ArrayList<>();
        Iterator<Window> it = windows.iterator();
        for (int i = 0; i < gossipWindows && it.hasNext(); i++) {
            for (Blob id : it.next().ids()) {
                Entry entry = entries.get(id);
                if (entry != null && entry.message.topic().equals(topic)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** Starts a new window and drops the oldest one's messages. */
    void shift() {
        Window oldest = windows.removeLast();
        oldest.ids().forEach(entries::remove);
        windows.addFirst(new Window(new ArrayList<>()));
    }

    int size() {
        return entries.size();
    }
}
