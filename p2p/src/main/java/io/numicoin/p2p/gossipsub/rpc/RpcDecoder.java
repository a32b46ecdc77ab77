package io.numicoin.p2p.gossipsub.rpc;

import io.numicoin.p2p.gossipsub.rpc.ControlMessage.Graft;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.IHave;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.IWant;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.PeerInfo;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage.Prune;
import io.numicoin.p2p.gossipsub.rpc.RpcDecodeException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Decodes one RPC under {@link RpcLimits}. Unknown fields are skipped (later protocol versions add
 * some); repeated {@code control} fields merge, as protobuf merges repeated embedded messages.
 * One decoder per RPC: it counts entries against the limits as it goes.
 */
final class RpcDecoder {

    private final RpcLimits limits;
    private int subscriptions;
    private int messages;
    private int controlEntries;
    private int controlIds;
    private int peerInfos;

    RpcDecoder(RpcLimits limits) {
        this.limits = limits;
    }

    Rpc decode(byte[] bytes, int offset, int length) throws RpcDecodeException {
        if (length > limits.maxRpcBytes()) {
            throw new RpcDecodeException(Reason.RPC_TOO_LARGE, length + " bytes, limit " + limits.maxRpcBytes());
        }
        ProtoReader in = new ProtoReader(bytes, offset, length);
        List<Rpc.SubOpts> subs = new ArrayList<>();
        List<Message> publish = new ArrayList<>();
        List<IHave> ihave = new ArrayList<>();
        List<IWant> iwant = new ArrayList<>();
        List<Graft> graft = new ArrayList<>();
        List<Prune> prune = new ArrayList<>();
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (tag >>> 3) {
                case 1 -> {
                    ProtoReader.expectWireType(tag, ProtoReader.LENGTH_DELIMITED);
                    count(++subscriptions, limits.maxSubscriptions(), "subscriptions");
                    subs.add(subOpts(in.readNested(Integer.MAX_VALUE, Reason.TRUNCATED)));
                }
                case 2 -> {
                    ProtoReader.expectWireType(tag, ProtoReader.LENGTH_DELIMITED);
                    count(++messages, limits.maxMessages(), "messages");
                    publish.add(message(in.readNested(limits.maxMessageBytes(), Reason.MESSAGE_TOO_LARGE)));
                }
                case 3 -> {
                    ProtoReader.expectWireType(tag, ProtoReader.LENGTH_DELIMITED);
                    control(in.readNested(Integer.MAX_VALUE, Reason.TRUNCATED), ihave, iwant, graft, prune);
                }
                default -> in.skip(tag & 7);
            }
        }
        return new Rpc(subs, publish, new ControlMessage(ihave, iwant, graft, prune));
    }

    private Rpc.SubOpts subOpts(ProtoReader in) throws RpcDecodeException {
        boolean subscribe = false;
        String topic = null;
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (tag >>> 3) {
                case 1 -> {
                    ProtoReader.expectWireType(tag, ProtoReader.VARINT);
                    subscribe = in.readBool();
                }
                case 2 -> topic = topic(in, tag);
                default -> in.skip(tag & 7);
            }
        }
        return new Rpc.SubOpts(subscribe, required(topic, "SubOpts.topicid"));
    }

    private Message message(ProtoReader in) throws RpcDecodeException {
        Blob from = null;
        Blob data = Blob.EMPTY;
        Blob seqno = null;
        String topic = null;
        Blob signature = null;
        Blob key = null;
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (tag >>> 3) {
                case 1 -> from = field(in, tag);
                case 2 -> {
                    ProtoReader.expectWireType(tag, ProtoReader.LENGTH_DELIMITED);
                    data = in.readBytes(Integer.MAX_VALUE, Reason.MESSAGE_TOO_LARGE);
                }
                case 3 -> seqno = field(in, tag);
                case 4 -> topic = topic(in, tag);
                case 5 -> signature = field(in, tag);
                case 6 -> key = field(in, tag);
                default -> in.skip(tag & 7);
            }
        }
        return new Message(from, data, seqno, required(topic, "Message.topic"), signature, key);
    }

    private void control(ProtoReader in, List<IHave> ihave, List<IWant> iwant, List<Graft> graft,
                         List<Prune> prune) throws RpcDecodeException {
        while (in.hasMore()) {
            int tag = in.readTag();
            int field = tag >>> 3;
            if (field < 1 || field > 4) {
                in.skip(tag & 7);
                continue;
            }
            ProtoReader.expectWireType(tag, ProtoReader.LENGTH_DELIMITED);
            count(++controlEntries, limits.maxControlEntries(), "control entries");
            ProtoReader entry = in.readNested(Integer.MAX_VALUE, Reason.TRUNCATED);
            switch (field) {
                case 1 -> ihave.add(ihave(entry));
                case 2 -> iwant.add(new IWant(ids(entry, 1, new ArrayList<>())));
                case 3 -> graft.add(new Graft(topicOnly(entry)));
                default -> prune.add(prune(entry));
            }
        }
    }

    private IHave ihave(ProtoReader in) throws RpcDecodeException {
        String topic = null;
        List<Blob> ids = new ArrayList<>();
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (tag >>> 3) {
                case 1 -> topic = topic(in, tag);
                case 2 -> ids.add(id(in, tag));
                default -> in.skip(tag & 7);
            }
        }
        return new IHave(required(topic, "ControlIHave.topicID"), ids);
    }

    private List<Blob> ids(ProtoReader in, int idField, List<Blob> ids) throws RpcDecodeException {
        while (in.hasMore()) {
            int tag = in.readTag();
            if (tag >>> 3 == idField) {
                ids.add(id(in, tag));
            } else {
                in.skip(tag & 7);
            }
        }
        return ids;
    }

    private String topicOnly(ProtoReader in) throws RpcDecodeException {
        String topic = null;
        while (in.hasMore()) {
            int tag = in.readTag();
            if (tag >>> 3 == 1) {
                topic = topic(in, tag);
            } else {
                in.skip(tag & 7);
            }
        }
        return required(topic, "ControlGraft.topicID");
    }

    private Prune prune(ProtoReader in) throws RpcDecodeException {
        String topic = null;
        List<PeerInfo> peers = new ArrayList<>();
        OptionalLong backoff = OptionalLong.empty();
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (tag >>> 3) {
                case 1 -> topic = topic(in, tag);
                case 2 -> {
                    ProtoReader.expectWireType(tag, ProtoReader.LENGTH_DELIMITED);
                    count(++peerInfos, limits.maxPeerInfos(), "PX peers");
                    peers.add(peerInfo(in.readNested(Integer.MAX_VALUE, Reason.TRUNCATED)));
                }
                case 3 -> {
                    ProtoReader.expectWireType(tag, ProtoReader.VARINT);
                    backoff = OptionalLong.of(in.readVarint());
                }
                default -> in.skip(tag & 7);
            }
        }
        return new Prune(required(topic, "ControlPrune.topicID"), peers, backoff);
    }

    private PeerInfo peerInfo(ProtoReader in) throws RpcDecodeException {
        Blob peerId = null;
        Blob record = null;
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (tag >>> 3) {
                case 1 -> peerId = field(in, tag);
                case 2 -> record = field(in, tag);
                default -> in.skip(tag & 7);
            }
        }
        return new PeerInfo(peerId, record);
    }

    private String topic(ProtoReader in, int tag) throws RpcDecodeException {
        ProtoReader.expectWireType(tag, ProtoReader.LENGTH_DELIMITED);
        return in.readString(limits.maxTopicBytes());
    }

    private Blob id(ProtoReader in, int tag) throws RpcDecodeException {
        ProtoReader.expectWireType(tag, ProtoReader.LENGTH_DELIMITED);
        count(++controlIds, limits.maxControlIds(), "control message ids");
        return in.readBytes(limits.maxIdBytes(), Reason.FIELD_TOO_LARGE);
    }

    private Blob field(ProtoReader in, int tag) throws RpcDecodeException {
        ProtoReader.expectWireType(tag, ProtoReader.LENGTH_DELIMITED);
        return in.readBytes(limits.maxFieldBytes(), Reason.FIELD_TOO_LARGE);
    }

    private static String required(String value, String name) throws RpcDecodeException {
        if (value == null) {
            throw new RpcDecodeException(Reason.MISSING_FIELD, name);
        }
        return value;
    }

    private static void count(int count, int limit, String what) throws RpcDecodeException {
        if (count > limit) {
            throw new RpcDecodeException(Reason.TOO_MANY_ENTRIES, "more than " + limit + " " + what);
        }
    }
}
