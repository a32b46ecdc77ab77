package io.numicoin.p2p.host;

import io.numicoin.p2p.peer.PeerId;
import java.util.concurrent.CompletableFuture;

/**
 * One multiplexed stream on a {@link Connection}, with its protocol already negotiated. Methods may
 * be called from any thread; listener callbacks run on the connection's event loop.
 *
 * <p>Writes are queued and sent as the remote's flow-control window allows; the returned future
 * completes once the bytes are handed to the socket, or fails if the stream is reset or closed.
 * {@link #isWritable()} turns false while too much is queued — a producer should wait for the
 * pending write futures then.
 */
public interface Stream {

    /** A sensible frame bound for {@link FrameListener#frames} when a protocol sets none of its own. */
    int DEFAULT_MAX_FRAME = 1 << 20;

    ProtocolId protocol();

    Connection connection();

    default PeerId remotePeer() {
        return connection().remotePeer();
    }

    /** True if this side opened the stream. */
    boolean isInitiator();

    /** Sets who receives inbound data; data and events held so far are delivered to it at once. */
    void setListener(StreamListener listener);

    /** Queues raw bytes. */
    CompletableFuture<Void> write(byte[] data);

    /** Queues {@code payload} prefixed with its length as an unsigned varint (the libp2p framing). */
    CompletableFuture<Void> writeFrame(byte[] payload);

    /** Half-closes: sends FIN after the queued data; reading goes on until the remote closes. */
    void closeWrite();

    /** Aborts the stream both ways (RST); pending writes fail. */
    void reset();

    /** Stops delivering data; unread bytes are held and not returned to the remote's window. */
    void pauseReading();

    /** Delivers held data and resumes returning window to the remote. */
    void resumeReading();

    /** False while the stream's queued outbound bytes exceed its high-water mark. */
    boolean isWritable();

    /** Completes when the stream ends: both sides closed (normally) or reset (exceptionally). */
    CompletableFuture<Void> closeFuture();
}
