package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.ControlMessage;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.Graft;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.IHave;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.IWant;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.Prune;
import io.numicoin.p2p.gossipsub.rpc.Message;
import io.numicoin.p2p.gossipsub.rpc.Rpc;
import io.numicoin.p2p.gossipsub.rpc.RpcCodec;
import io.numicoin.p2p.gossipsub.rpc.RpcLimits;
import io.numicoin.p2p.peer.PeerId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what the router wants to tell each peer during one step (an RPC handled, a publish, a
 * heartbeat) and sends it as few RPCs as fit under the size limit: control piggybacks on messages
 * (gossipsub's control message piggybacking), and within the counts a receiver accepts.
 */
final class Outbox {

    private static final class Pending {
        final List<Rpc.SubOpts> subscriptions = new ArrayList<>();
        final List<Message> messages = new ArrayList<>();
        final List<IHave> ihave = new ArrayList<>();
        final List<IWant> iwant = new ArrayList<>();
        final List<Graft> graft = new ArrayList<>();
        final List<Prune> prune = new ArrayList<>();
    }

    private final Map<PeerId, Pending> pending = new LinkedHashMap<>();
    private final RpcLimits limits;

    /** Packs RPCs that a receiver decoding with {@code limits} accepts. */
    Outbox(RpcLimits limits) {
        this.limits = limits;
    }

    void subscription(PeerId peer, Rpc.SubOpts sub) {
        of(peer).subscriptions.add(sub);
    }

    void message(PeerId peer, Message message) {
        of(peer).messages.add(message);
    }

    void ihave(PeerId peer, IHave ihave) {
        of(peer).ihave.add(ihave);
    }

    void iwant(PeerId peer, IWant iwant) {
        of(peer).iwant.add(iwant);
    }

    void graft(PeerId peer, String topic) {
        of(peer).graft.add(new Graft(topic));
    }

    void prune(PeerId peer, Prune prune) {
        of(peer).prune.add(prune);
    }

    void discard(PeerId peer) {
        pending.remove(peer);
    }

    /** Sends everything pending, packed into RPCs of at most the size limit each. */
    void flush(RpcSink sink) {
        if (pending.isEmpty()) {
            return;
        }
        List<Map.Entry<PeerId, Pending>> entries = new ArrayList<>(pending.entrySet());
        pending.clear();
        for (Map.Entry<PeerId, Pending> entry : entries) {
            pack(entry.getValue()).forEach(rpc -> sink.send(entry.getKey(), rpc));
        }
    }

    private List<Rpc> pack(Pending p) {
        List<Rpc> rpcs = new ArrayList<>();
        Packer packer = new Packer();
        for (Rpc.SubOpts sub : p.subscriptions) {
            packer.add(new Rpc(List.of(sub), List.of(), ControlMessage.EMPTY), rpcs);
        }
        for (Graft graft : p.graft) {
            packer.add(Rpc.ofControl(new ControlMessage(List.of(), List.of(), List.of(graft), List.of())), rpcs);
        }
        for (Prune prune : p.prune) {
            packer.add(Rpc.ofControl(new ControlMessage(List.of(), List.of(), List.of(), List.of(prune))), rpcs);
        }
        for (IHave ihave : p.ihave) {
            packer.add(Rpc.ofControl(new ControlMessage(List.of(ihave), List.of(), List.of(), List.of())), rpcs);
        }
        for (IWant iwant : p.iwant) {
            packer.add(Rpc.ofControl(new ControlMessage(List.of(), List.of(iwant), List.of(), List.of())), rpcs);
        }
        for (Message message : p.messages) {
            packer.add(Rpc.ofMessages(List.of(message)), rpcs);
        }
        packer.close(rpcs);
        return rpcs;
    }

    private Pending of(PeerId peer) {
        return pending.computeIfAbsent(peer, k -> new Pending());
    }

    /**
     * Greedy packing of single-item RPCs. The sum of the items' own encoded sizes bounds the size of
     * the merged RPC from above (each item pays its own control header, the merge pays one).
     */
    private final class Packer {
        private final List<Rpc> items = new ArrayList<>();
        private long size;
        private int subscriptions;
        private int messages;
        private int controlEntries;
        private int controlIds;
        private int peerInfos;

        void add(Rpc item, List<Rpc> out) {
            int itemSize = RpcCodec.encodedSize(item);
            ControlMessage c = item.control();
            int entries = c.ihave().size() + c.iwant().size() + c.graft().size() + c.prune().size();
            int ids = c.ihave().stream().mapToInt(i -> i.messageIds().size()).sum()
                    + c.iwant().stream().mapToInt(i -> i.messageIds().size()).sum();
            int px = c.prune().stream().mapToInt(p -> p.peers().size()).sum();
            if (!items.isEmpty() && (size + itemSize > limits.maxRpcBytes()
                    || subscriptions + item.subscriptions().size() > limits.maxSubscriptions()
                    || messages + item.publish().size() > limits.maxMessages()
                    || controlEntries + entries > limits.maxControlEntries()
                    || controlIds + ids > limits.maxControlIds()
                    || peerInfos + px > limits.maxPeerInfos())) {
                close(out);
            }
            items.add(item);
            size += itemSize;
            subscriptions += item.subscriptions().size();
            messages += item.publish().size();
            controlEntries += entries;
            controlIds += ids;
            peerInfos += px;
        }

        void close(List<Rpc> out) {
            if (items.isEmpty()) {
                return;
            }
            List<Rpc.SubOpts> subs = new ArrayList<>();
            List<Message> publish = new ArrayList<>();
            List<IHave> ihave = new ArrayList<>();
            List<IWant> iwant = new ArrayList<>();
            List<Graft> graft = new ArrayList<>();
            List<Prune> prune = new ArrayList<>();
            for (Rpc item : items) {
                subs.addAll(item.subscriptions());
                publish.addAll(item.publish());
                ihave.addAll(item.control().ihave());
                iwant.addAll(item.control().iwant());
                graft.addAll(item.control().graft());
                prune.addAll(item.control().prune());
            }
            out.add(new Rpc(subs, publish, new ControlMessage(ihave, iwant, graft, prune)));
            items.clear();
            size = 0;
            subscriptions = 0;
            messages = 0;
            controlEntries = 0;
            controlIds = 0;
            peerInfos = 0;
        }
    }
}
