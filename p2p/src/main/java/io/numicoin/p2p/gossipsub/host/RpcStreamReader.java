package io.numicoin.p2p.gossipsub.host;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.numicoin.p2p.gossipsub.rpc.Rpc;
import io.numicoin.p2p.gossipsub.rpc.RpcCodec;
import io.numicoin.p2p.gossipsub.rpc.RpcDecodeException;
import io.numicoin.p2p.host.Stream;
import io.numicoin.p2p.host.StreamListener;
import io.numicoin.p2p.protobuf.ProtobufException;
import io.numicoin.p2p.protobuf.UnsignedVarint;

/**
 * Reads a peer's inbound pubsub stream: unsigned-varint length-prefixed RPCs, each decoded under the
 * codec's limits. A length over the RPC limit, or a malformed prefix, ends the stream (we cannot
 * find the next frame) and counts as misbehaviour; an RPC that does not decode is skipped and
 * counts as misbehaviour.
 */
final class RpcStreamReader implements StreamListener {

    /** Where decoded RPCs and misbehaviour go (called on the connection's event loop). */
    interface Sink {
        void rpc(Stream stream, Rpc rpc);

        void malformed(Stream stream, String why);

        void closed(Stream stream);
    }

    private final RpcCodec codec;
    private final Sink sink;
    private final ByteBuf pending = Unpooled.buffer();

    RpcStreamReader(RpcCodec codec, Sink sink) {
        this.codec = codec;
        this.sink = sink;
    }

    @Override
    public void onData(Stream stream, byte[] data) {
        pending.writeBytes(data);
        while (pending.isReadable()) {
            int mark = pending.readerIndex();
            long length;
            try {
                length = UnsignedVarint.tryRead(pending, codec.limits().maxRpcBytes());
            } catch (ProtobufException e) {
                pending.clear();
                sink.malformed(stream, "length prefix: " + e.getMessage());
                stream.reset();
                return;
            }
            if (length == UnsignedVarint.INCOMPLETE) {
                break;
            }
            if (pending.readableBytes() < length) {
                pending.readerIndex(mark);
                break;
            }
            byte[] frame = new byte[(int) length];
            pending.readBytes(frame);
            try {
                sink.rpc(stream, codec.decode(frame));
            } catch (RpcDecodeException e) {
                sink.malformed(stream, e.getMessage());
            }
        }
        pending.discardReadBytes();
    }

    @Override
    public void onRemoteClosed(Stream stream) {
        pending.clear();
        sink.closed(stream);
    }

    @Override
    public void onReset(Stream stream) {
        pending.clear();
        sink.closed(stream);
    }
}
