package io.numicoin.p2p.gossipsub.rpc;

import io.numicoin.p2p.gossipsub.rpc.RpcDecodeException.Reason;
import java.nio.ByteBuffer;

/**
 * The pubsub stream framing: every RPC is preceded by its length as an unsigned varint
 * (multiformats unsigned-varint: at most 9 bytes, minimally encoded). A length over the RPC limit
 * is refused before any of the body is buffered.
 */
public final class RpcFraming {

    /** Returned by {@link #readLength} when the prefix is not complete yet. */
    public static final int INCOMPLETE = -1;

    private RpcFraming() {
    }

    /** The length prefix followed by {@code body}. */
    public static byte[] frame(byte[] body) {
        int prefix = ProtoWriter.varintSize(body.length);
        ProtoWriter out = new ProtoWriter(prefix + body.length);
        out.varint(body.length);
        byte[] framed = out.finishPartial();
        System.arraycopy(body, 0, framed, prefix, body.length);
        return framed;
    }

    /**
     * Reads a length prefix from {@code in}; on success the buffer's position moves past it. Returns
     * {@link #INCOMPLETE} (position unchanged) when more bytes are needed.
     */
    public static int readLength(ByteBuffer in, int maxLength) throws RpcDecodeException {
        int start = in.position();
        long value = 0;
        for (int i = 0; i < 9; i++) {
            if (!in.hasRemaining()) {
                in.position(start);
                return INCOMPLETE;
            }
            int b = in.get() & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if (b < 0x80) {
                if (b == 0 && i > 0) {
                    throw new RpcDecodeException(Reason.MALFORMED_VARINT, "length prefix not minimal");
                }
                if (value > maxLength) {
                    throw new RpcDecodeException(Reason.RPC_TOO_LARGE, value + " bytes, limit " + maxLength);
                }
                return (int) value;
            }
            if (value > maxLength) {
                throw new RpcDecodeException(Reason.RPC_TOO_LARGE, "over " + maxLength + " bytes");
            }
        }
        throw new RpcDecodeException(Reason.MALFORMED_VARINT, "length prefix over 9 bytes");
    }
}
