package io.numicoin.p2p.host;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.numicoin.p2p.protobuf.ProtobufException;
import io.numicoin.p2p.protobuf.UnsignedVarint;

/**
 * Receives whole frames from a stream whose messages are each prefixed with their length as an
 * unsigned varint (what gossipsub, identify and request/response use). Wrap it with
 * {@link #frames(int, FrameListener)} to get a {@link StreamListener}.
 */
public interface FrameListener {

    void onFrame(Stream stream, byte[] frame);

    /** The remote closed its writing side; a partial frame left over is dropped. */
    default void onRemoteClosed(Stream stream) {
    }

    default void onReset(Stream stream) {
    }

    /**
     * A stream listener that reassembles frames of at most {@code maxFrame} bytes; a longer frame or
     * a malformed length prefix resets the stream.
     */
    static StreamListener frames(int maxFrame, FrameListener listener) {
        return new StreamListener() {
            private final ByteBuf pending = Unpooled.buffer();

            @Override
            public void onData(Stream stream, byte[] data) {
                pending.writeBytes(data);
                while (pending.isReadable()) {
                    int mark = pending.readerIndex();
                    long length;
                    try {
                        length = UnsignedVarint.tryRead(pending, maxFrame);
                    } catch (ProtobufException e) {
                        pending.clear();
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
                    listener.onFrame(stream, frame);
                }
                pending.discardReadBytes();
            }

            @Override
            public void onRemoteClosed(Stream stream) {
                listener.onRemoteClosed(stream);
            }

            @Override
            public void onReset(Stream stream) {
                pending.clear();
                listener.onReset(stream);
            }
        };
    }
}
