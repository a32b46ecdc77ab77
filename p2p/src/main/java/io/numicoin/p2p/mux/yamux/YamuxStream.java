package io.numicoin.p2p.mux.yamux;

import io.netty.channel.ChannelFuture;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * One yamux stream: its send window and queue of outbound writes, its receive window and the data
 * held while it is paused or has no listener. Every method runs on the session's event loop.
 */
public final class YamuxStream {

    /** What the stream's owner is told, on the event loop. */
    public interface Listener {
        void onData(byte[] data);

        void onRemoteClosed();

        void onReset();
    }

    private record PendingWrite(byte[] data, CompletableFuture<Void> done, int[] offset) {
    }

    private final YamuxSession session;
    private final int id;
    private final boolean initiator;
    private final ArrayDeque<PendingWrite> queue = new ArrayDeque<>();
    private final ArrayDeque<byte[]> held = new ArrayDeque<>();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private Listener listener;
    private long sendWindow = YamuxConfig.WINDOW;
    private long receiveWindow = YamuxConfig.WINDOW;
    private long consumedUnacknowledged;
    private long queuedBytes;
    private boolean paused;
    private boolean finQueued;
    private boolean finSent;
    private boolean remoteFin;
    private boolean remoteFinDelivered;
    private boolean reset;
    private long stalledSince;

    YamuxStream(YamuxSession session, int id, boolean initiator) {
        this.session = session;
        this.id = id;
        this.initiator = initiator;
    }

    public int id() {
        return id;
    }

    public boolean isInitiator() {
        return initiator;
    }

    public YamuxSession session() {
        return session;
    }

    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    public void setListener(Listener listener) {
        this.listener = listener;
        deliverHeld();
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        deliverHeld();
    }

    public boolean isWritable() {
        return !reset && queuedBytes < session.config().streamHighWaterMark() && session.hasRoom();
    }

    public boolean isReset() {
        return reset;
    }

    /** Queues {@code data}; the future completes when its last byte is handed to the channel. */
    public CompletableFuture<Void> write(byte[] data) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (reset || finQueued) {
            done.completeExceptionally(new IllegalStateException(reset ? "stream reset" : "stream closed for writing"));
            return done;
        }
        if (data.length == 0) {
            done.complete(null);
            return done;
        }
        if (!session.admit(this, data.length)) {
            done.completeExceptionally(new IllegalStateException("stream reset: the peer does not read (outbound cap)"));
            return done;
        }
        queue.add(new PendingWrite(data, done, new int[1]));
        queuedBytes += data.length;
        session.queued(data.length);
        drain();
        return done;
    }

    /** Sends FIN once the queue is empty. */
    public void closeWrite() {
        if (reset || finQueued) {
            return;
        }
        finQueued = true;
        drain();
    }

    /** Sends RST and ends the stream at once. */
    public void reset() {
        if (reset) {
            return;
        }
        session.sendFrame(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_RST, id, 0, null, true);
        terminate();
    }

    /** Writes as much of the queue as the window and the channel allow. */
    void drain() {
        boolean wrote = false;
        while (!reset && !queue.isEmpty() && sendWindow > 0 && session.isChannelWritable()) {
            PendingWrite head = queue.peek();
            int offset = head.offset()[0];
            int chunk = (int) Math.min(Math.min(head.data().length - offset, sendWindow), YamuxConfig.MAX_CHUNK);
            queuedBytes -= chunk;
            session.queued(-chunk); // before the frame is in the channel's buffer: never counted twice
            ChannelFuture written = session.sendFrame(YamuxHeader.TYPE_DATA, 0, id, chunk,
                    java.util.Arrays.copyOfRange(head.data(), offset, offset + chunk), false);
            wrote = true;
            sendWindow -= chunk;
            head.offset()[0] = offset + chunk;
            if (head.offset()[0] == head.data().length) {
                queue.poll();
                written.addListener(f -> {
                    if (f.isSuccess()) {
                        head.done().complete(null);
                    } else {
                        head.done().completeExceptionally(f.cause());
                    }
                });
            }
        }
        if (!reset && queue.isEmpty() && finQueued && !finSent) {
            finSent = true;
            session.sendFrame(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_FIN, id, 0, null, false);
            wrote = true;
        }
        if (wrote) {
            session.flush();
        }
        stalledSince = !reset && !queue.isEmpty() && sendWindow == 0 ? (stalledSince != 0 ? stalledSince : System.nanoTime()) : 0;
        maybeClosed();
    }

    /** When the stream's queued data last found the send window empty, or 0 when it is not waiting for window. */
    long stalledSince() {
        return stalledSince;
    }

    boolean hasQueuedWrites() {
        return !queue.isEmpty() || (finQueued && !finSent);
    }

    void onWindowUpdate(long delta) throws YamuxException {
        sendWindow += delta;
        if (sendWindow > 0xFFFFFFFFL) {
            throw new YamuxException("stream " + id + " send window overflows");
        }
        drain();
    }

    void onData(byte[] data) throws YamuxException {
        if (data.length > receiveWindow) {
            throw new YamuxException("stream " + id + " sent " + data.length + " bytes into a window of " + receiveWindow);
        }
        receiveWindow -= data.length;
        if (remoteFin) {
            reset(); // data after FIN
            return;
        }
        if (data.length == 0) {
            return;
        }
        if (listener == null || paused || !held.isEmpty()) {
            held.add(data);
            session.holdBytes(data.length);
        } else {
            listener.onData(data);
            consumed(data.length);
        }
    }

    void onRemoteFin() {
        if (remoteFin) {
            return;
        }
        remoteFin = true;
        deliverHeld();
    }

    /** The remote reset the stream, or the connection went away. */
    void terminate() {
        if (reset) {
            return;
        }
        reset = true;
        for (PendingWrite w : queue) {
            w.done().completeExceptionally(new IllegalStateException("stream reset"));
        }
        queue.clear();
        session.queued(-queuedBytes);
        queuedBytes = 0;
        stalledSince = 0;
        long dropped = held.stream().mapToLong(b -> b.length).sum();
        held.clear();
        session.releaseBytes(dropped);
        session.removeStream(this);
        if (listener != null) {
            listener.onReset();
        }
        closeFuture.completeExceptionally(new IllegalStateException("stream reset"));
    }

    private void deliverHeld() {
        while (listener != null && !paused && !reset && !held.isEmpty()) {
            byte[] data = held.poll();
            session.releaseBytes(data.length);
            listener.onData(data);
            consumed(data.length);
        }
        if (listener != null && !paused && !reset && held.isEmpty() && remoteFin && !remoteFinDelivered) {
            remoteFinDelivered = true;
            listener.onRemoteClosed();
        }
        maybeClosed();
    }

    private void consumed(int n) {
        consumedUnacknowledged += n;
        if (!remoteFin && !reset && consumedUnacknowledged >= YamuxConfig.WINDOW / 2) {
            receiveWindow += consumedUnacknowledged;
            session.sendFrame(YamuxHeader.TYPE_WINDOW_UPDATE, 0, id, consumedUnacknowledged, null, true);
            consumedUnacknowledged = 0;
        }
    }

    private void maybeClosed() {
        if (!reset && finSent && remoteFinDelivered && !closeFuture.isDone()) {
            session.removeStream(this);
            closeFuture.complete(null);
        }
    }
}
