package io.numicoin.p2p.gossipsub.rpc;

import io.numicoin.p2p.gossipsub.rpc.ControlMessage.Graft;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.IHave;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.IWant;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.PeerInfo;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.Prune;

/**
 * Encodes RPCs in field-number order, omitting absent optional fields; a message's {@code data}
 * is always written (as go-libp2p and js-libp2p do), so signatures over re-encoded messages match.
 */
final class RpcEncoder {

    private RpcEncoder() {
    }

    static byte[] encode(Rpc rpc) {
        ProtoWriter out = new ProtoWriter(size(rpc));
        for (Rpc.SubOpts sub : rpc.subscriptions()) {
            out.nestedHeader(1, size(sub));
            out.boolField(1, sub.subscribe());
            out.stringField(2, sub.topic());
        }
        for (Message message : rpc.publish()) {
            out.nestedHeader(2, size(message));
            write(out, message);
        }
        if (!rpc.control().isEmpty()) {
            out.nestedHeader(3, size(rpc.control()));
            write(out, rpc.control());
        }
        return out.finish();
    }

    static byte[] encode(Message message) {
        ProtoWriter out = new ProtoWriter(size(message));
        write(out, message);
        return out.finish();
    }

    static int size(Rpc rpc) {
        int size = 0;
        for (Rpc.SubOpts sub : rpc.subscriptions()) {
            size += ProtoWriter.lengthDelimitedSize(1, size(sub));
        }
        for (Message message : rpc.publish()) {
            size += ProtoWriter.lengthDelimitedSize(2, size(message));
        }
        if (!rpc.control().isEmpty()) {
            size += ProtoWriter.lengthDelimitedSize(3, size(rpc.control()));
        }
        return size;
    }

    static int size(Message m) {
        int size = ProtoWriter.bytesFieldSize(2, m.data()) + ProtoWriter.stringFieldSize(4, m.topic());
        size += m.from() == null ? 0 : ProtoWriter.bytesFieldSize(1, m.from());
        size += m.seqno() == null ? 0 : ProtoWriter.bytesFieldSize(3, m.seqno());
        size += m.signature() == null ? 0 : ProtoWriter.bytesFieldSize(5, m.signature());
        size += m.key() == null ? 0 : ProtoWriter.bytesFieldSize(6, m.key());
        return size;
    }

    private static int size(Rpc.SubOpts sub) {
        return ProtoWriter.varintFieldSize(1, 1) + ProtoWriter.stringFieldSize(2, sub.topic());
    }

    private static void write(ProtoWriter out, Message m) {
        if (m.from() != null) {
            out.bytesField(1, m.from());
        }
        out.bytesField(2, m.data());
        if (m.seqno() != null) {
            out.bytesField(3, m.seqno());
        }
        out.stringField(4, m.topic());
        if (m.signature() != null) {
            out.bytesField(5, m.signature());
        }
        if (m.key() != null) {
            out.bytesField(6, m.key());
        }
    }

    private static int size(ControlMessage c) {
        int size = 0;
        for (IHave ihave : c.ihave()) {
            size += ProtoWriter.lengthDelimitedSize(1, size(ihave));
        }
        for (IWant iwant : c.iwant()) {
            size += ProtoWriter.lengthDelimitedSize(2, idsSize(1, iwant.messageIds()));
        }
        for (Graft graft : c.graft()) {
            size += ProtoWriter.lengthDelimitedSize(3, ProtoWriter.stringFieldSize(1, graft.topic()));
        }
        for (Prune prune : c.prune()) {
            size += ProtoWriter.lengthDelimitedSize(4, size(prune));
        }
        return size;
    }

    private static void write(ProtoWriter out, ControlMessage c) {
        for (IHave ihave : c.ihave()) {
            out.nestedHeader(1, size(ihave));
            out.stringField(1, ihave.topic());
            ihave.messageIds().forEach(id -> out.bytesField(2, id));
        }
        for (IWant iwant : c.iwant()) {
            out.nestedHeader(2, idsSize(1, iwant.messageIds()));
            iwant.messageIds().forEach(id -> out.bytesField(1, id));
        }
        for (Graft graft : c.graft()) {
            out.nestedHeader(3, ProtoWriter.stringFieldSize(1, graft.topic()));
            out.stringField(1, graft.topic());
        }
        for (Prune prune : c.prune()) {
            out.nestedHeader(4, size(prune));
            out.stringField(1, prune.topic());
            for (PeerInfo peer : prune.peers()) {
                out.nestedHeader(2, size(peer));
                write(out, peer);
            }
            if (prune.backoffSeconds().isPresent()) {
                out.varintField(3, prune.backoffSeconds().getAsLong());
            }
        }
    }

    private static int size(IHave ihave) {
        return ProtoWriter.stringFieldSize(1, ihave.topic()) + idsSize(2, ihave.messageIds());
    }

    private static int idsSize(int field, java.util.List<Blob> ids) {
        int size = 0;
        for (Blob id : ids) {
            size += ProtoWriter.bytesFieldSize(field, id);
        }
        return size;
    }

    private static int size(Prune prune) {
        int size = ProtoWriter.stringFieldSize(1, prune.topic());
        for (PeerInfo peer : prune.peers()) {
            size += ProtoWriter.lengthDelimitedSize(2, size(peer));
        }
        if (prune.backoffSeconds().isPresent()) {
            size += ProtoWriter.varintFieldSize(3, prune.backoffSeconds().getAsLong());
        }
        return size;
    }

    private static int size(PeerInfo peer) {
        return (peer.peerId() == null ? 0 : ProtoWriter.bytesFieldSize(1, peer.peerId()))
                + (peer.signedPeerRecord() == null ? 0 : ProtoWriter.bytesFieldSize(2, peer.signedPeerRecord()));
    }

    private static void write(ProtoWriter out, PeerInfo peer) {
        if (peer.peerId() != null) {
            out.bytesField(1, peer.peerId());
        }
        if (peer.signedPeerRecord() != null) {
            out.bytesField(2, peer.signedPeerRecord());
        }
    }
}
