package io.numicoin.p2p.gossipsub.rpc;

/**
 * The pubsub RPC protobuf codec (libp2p/specs pubsub/README.md and gossipsub v1.0/v1.1): a bounded
 * decoder for untrusted bytes and a canonical encoder. The unsigned-varint length prefix of each
 * RPC on a stream is the stream reader's job ({@code io.numicoin.p2p.gossipsub.host}).
 */
public final class RpcCodec {

    private final RpcLimits limits;

    public RpcCodec(RpcLimits limits) {
        this.limits = limits;
    }

    public RpcLimits limits() {
        return limits;
    }

    /** Decodes one RPC (without its length prefix), refusing anything over the limits. */
    public Rpc decode(byte[] bytes) throws RpcDecodeException {
        return decode(bytes, 0, bytes.length);
    }

    public Rpc decode(byte[] bytes, int offset, int length) throws RpcDecodeException {
        return new RpcDecoder(limits).decode(bytes, offset, length);
    }

    public static byte[] encode(Rpc rpc) {
        return RpcEncoder.encode(rpc);
    }

    public static int encodedSize(Rpc rpc) {
        return RpcEncoder.size(rpc);
    }

    /** One message's protobuf encoding, as signed (with signature and key left out by the caller). */
    public static byte[] encode(Message message) {
        return RpcEncoder.encode(message);
    }

    /** One message's encoded size. */
    public static int encodedSize(Message message) {
        return RpcEncoder.size(message);
    }

    /** The bytes a message of this size adds to an RPC (field tag and length prefix included). */
    public static int publishEntrySize(Message message) {
        return ProtoWriter.lengthDelimitedSize(2, RpcEncoder.size(message));
    }
}
