package io.numicoin.p2p.host.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.host.Stream;
import io.numicoin.p2p.host.StreamException;
import io.numicoin.p2p.host.StreamListener;
import io.numicoin.p2p.multistream.Negotiation;
import io.numicoin.p2p.mux.yamux.YamuxStream;
import io.numicoin.p2p.protobuf.UnsignedVarint;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Stream} over a yamux stream: first runs multistream-select on it, then passes data to the
 * application's listener. Until a listener is set the yamux stream is paused, so data waits there
 * (and counts against the remote's window).
 */
final class NegotiatedStream implements Stream, YamuxStream.Listener {

    private static final Logger log = LoggerFactory.getLogger(NegotiatedStream.class);

    /** Told the outcome of the negotiation, on the event loop. */
    interface Outcome {
        void selected(NegotiatedStream stream);

        void failed(Negotiation.Failure failure, String detail);
    }

    private final YamuxStream yamux;
    private final MuxedConnection connection;
    private final EventLoop loop;
    private Negotiation negotiation;
    private Outcome outcome;
    private ByteBuf negotiationBuffer = Unpooled.buffer(64);
    private volatile ProtocolId protocol;
    private StreamListener listener;
    private byte[] leftover;
    private boolean resetSeen;
    private boolean pausedByApplication;
    private boolean remoteClosedPending;

    NegotiatedStream(YamuxStream yamux, MuxedConnection connection, EventLoop loop) {
        this.yamux = yamux;
        this.connection = connection;
        this.loop = loop;
    }

    /** Starts negotiating; must be called on the event loop. */
    void negotiate(Function<Negotiation.Output, Negotiation> factory, Outcome outcome) {
        this.outcome = outcome;
        negotiation = factory.apply(new Negotiation.Output() {
            @Override
            public void send(byte[] message) {
                yamux.write(message);
            }

            @Override
            public void selected(ProtocolId selected) {
                protocol = selected;
            }

            @Override
            public void failed(Negotiation.Failure failure, String detail) {
                yamux.reset();
                outcome.failed(failure, detail);
            }
        });
        yamux.setListener(this);
        negotiation.start();
    }

    @Override
    public void onData(byte[] data) {
        if (protocol != null) {
            deliver(data); // paused until a listener exists, so it is set here
            return;
        }
        negotiationBuffer.writeBytes(data);
        negotiation.onData(negotiationBuffer);
        if (protocol != null) {
            if (negotiationBuffer.isReadable()) {
                leftover = new byte[negotiationBuffer.readableBytes()];
                negotiationBuffer.readBytes(leftover);
            }
            negotiationBuffer.release();
            negotiationBuffer = null;
            yamux.pause();
            outcome.selected(this);
        }
    }

    @Override
    public void onRemoteClosed() {
        if (protocol == null) {
            yamux.reset(); // closed during negotiation: onReset reports the failure
            return;
        }
        try {
            listener.onRemoteClosed(this);
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
    }

    private void deliver(byte[] data) {
        try {
            listener.onData(this, data);
        } catch (RuntimeException e) {
            listenerFailed(e);
        }
    }

    /** A listener bug costs its stream, not the connection. */
    private void listenerFailed(RuntimeException e) {
        log.warn("listener of {} failed; resetting the stream", this, e);
        yamux.reset();
    }

    @Override
    public void onReset() {
        if (negotiationBuffer != null) {
            negotiationBuffer.release();
            negotiationBuffer = null;
        }
        if (protocol == null) {
            if (negotiation != null && !negotiation.isDone()) {
                outcome.failed(Negotiation.Failure.STREAM_RESET, "stream reset during negotiation");
            }
            return;
        }
        if (listener != null) {
            listener.onReset(this);
        } else {
            resetSeen = true;
        }
    }

    @Override
    public ProtocolId protocol() {
        return protocol;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public boolean isInitiator() {
        return yamux.isInitiator();
    }

    @Override
    public void setListener(StreamListener newListener) {
        run(() -> {
            boolean first = listener == null;
            listener = newListener;
            if (!first) {
                return;
            }
            if (resetSeen) {
                listener.onReset(this);
                return;
            }
            if (!pausedByApplication) {
                startReading();
            }
        });
    }

    @Override
    public CompletableFuture<Void> write(byte[] data) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        byte[] copy = data.clone();
        run(() -> yamux.write(copy).whenComplete((v, e) -> {
            if (e == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(new StreamException(connection.isOpen()
                        ? StreamException.Kind.STREAM_RESET : StreamException.Kind.CONNECTION_CLOSED, "write failed: " + e.getMessage()));
            }
        }));
        return done;
    }

    @Override
    public CompletableFuture<Void> writeFrame(byte[] payload) {
        byte[] length = UnsignedVarint.encode(payload.length);
        byte[] frame = new byte[length.length + payload.length];
        System.arraycopy(length, 0, frame, 0, length.length);
        System.arraycopy(payload, 0, frame, length.length, payload.length);
        return write(frame);
    }

    @Override
    public void closeWrite() {
        run(yamux::closeWrite);
    }

    @Override
    public void reset() {
        run(yamux::reset);
    }

    @Override
    public void pauseReading() {
        run(() -> {
            pausedByApplication = true;
            yamux.pause();
        });
    }

    @Override
    public void resumeReading() {
        run(() -> {
            pausedByApplication = false;
            if (listener != null) {
                startReading();
            }
        });
    }

    /** Delivers bytes left over from the negotiation, then lets the yamux stream deliver. */
    private void startReading() {
        if (leftover != null) {
            byte[] data = leftover;
            leftover = null;
            deliver(data);
        }
        yamux.resume();
    }

    @Override
    public boolean isWritable() {
        return yamux.isWritable();
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return yamux.closeFuture();
    }

    private void run(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    @Override
    public String toString() {
        return "Stream[" + protocol + " " + (isInitiator() ? "to " : "from ") + connection.remotePeer() + "]";
    }
}
