package io.numicoin.p2p.host;

/**
 * Receives what arrives on a {@link Stream}, on the connection's event loop (one call at a time per
 * connection; never block here). Data handed over counts as consumed: its bytes go back into the
 * remote's send window, unless the stream is paused with {@link Stream#pauseReading()}.
 */
public interface StreamListener {

    /** Bytes the remote wrote (a chunk; message boundaries are not kept — see {@link FrameListener}). */
    void onData(Stream stream, byte[] data);

    /** The remote closed its writing side (FIN): no more data will arrive. */
    default void onRemoteClosed(Stream stream) {
    }

    /** The stream was reset by either side or its connection was lost; nothing more will happen. */
    default void onReset(Stream stream) {
    }
}
