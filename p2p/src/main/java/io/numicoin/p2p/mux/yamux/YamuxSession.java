package io.numicoin.p2p.mux.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A yamux session on a secured channel: parses frames, keeps the streams (odd ids for the client —
 * the side that dialled — even for the server), answers and sends pings, handles GoAway. Limits:
 * {@link YamuxConfig#maxStreams()} open streams, Data frames no larger than the stream's receive
 * window (at most {@link YamuxConfig#WINDOW}). A protocol violation sends GoAway(protocol error) and
 * closes the channel.
 *
 * <p>Outbound bytes are bounded by {@link YamuxConfig#maxQueuedBytes()}: the streams' queues plus the
 * channel's outbound buffer. A write that would pass the cap resets its stream; so does a stream whose
 * queued data has had no send window for {@link YamuxConfig#writeStallTimeout()}. After
 * {@link YamuxConfig#MAX_OVERFLOWS} such resets, when the channel has not been writable for the stall
 * timeout, or when the frames the session must send itself (acknowledgements, window updates, resets)
 * pass the cap, the channel is closed: a peer that does not read loses its streams, then its
 * connection. At most one ping acknowledgement is in flight; pings arriving meanwhile go unanswered.
 * All methods run on the channel's event loop, except the two queue accessors.
 */
public final class YamuxSession extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(YamuxSession.class);

    private final boolean client;
    private final YamuxConfig config;
    private final Consumer<YamuxStream> inboundStreams;
    private final Map<Integer, YamuxStream> streams = new HashMap<>();
    private ChannelHandlerContext ctx;
    private YamuxHeader pending;
    private int nextStreamId;
    private boolean goAwayReceived;
    private boolean closing;
    private long heldBytes;
    private long pingsUnanswered;
    private boolean pingAckInFlight;
    private long streamQueuedBytes;
    private volatile long queuedBytes;
    private volatile long peakQueuedBytes;
    private int overflows;
    private long unwritableSince;
    private ScheduledFuture<?> keepAlive;
    private ScheduledFuture<?> stallCheck;

    public YamuxSession(boolean client, YamuxConfig config, Consumer<YamuxStream> inboundStreams) {
        this.client = client;
        this.config = config;
        this.inboundStreams = inboundStreams;
        this.nextStreamId = client ? 1 : 2;
    }

    YamuxConfig config() {
        return config;
    }

    public int streamCount() {
        return streams.size();
    }

    /** Outbound bytes held now (streams' queues and the channel's buffer), as last measured. Any thread. */
    public long queuedOutboundBytes() {
        return queuedBytes;
    }

    /** The most outbound bytes this session has held at once. Any thread. */
    public long peakQueuedOutboundBytes() {
        return peakQueuedBytes;
    }

    /**
     * Opens an outbound stream (SYN sent at once).
     * @throws IllegalStateException when the stream limit is reached or the session is closing
     */
    public YamuxStream openStream() {
        if (closing || goAwayReceived || ctx == null || !ctx.channel().isActive()) {
            throw new IllegalStateException("the session is closed");
        }
        if (streams.size() >= config.maxStreams()) {
            throw new StreamLimitException(config.maxStreams());
        }
        int id = nextStreamId;
        nextStreamId += 2;
        YamuxStream stream = new YamuxStream(this, id, true);
        streams.put(id, stream);
        sendFrame(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_SYN, id, 0, null, true);
        return stream;
    }

    /** Sends GoAway(normal) and closes the channel once it is written. */
    public void close() {
        if (closing || ctx == null) {
            return;
        }
        closing = true;
        sendFrame(YamuxHeader.TYPE_GO_AWAY, 0, 0, YamuxHeader.GO_AWAY_NORMAL, null, true)
                .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        long interval = config.keepAliveInterval().toMillis();
        if (interval > 0) {
            keepAlive = ctx.executor().scheduleAtFixedRate(this::keepAliveTick, interval, interval, TimeUnit.MILLISECONDS);
        }
        long check = Math.max(10, config.writeStallTimeout().toMillis() / 4);
        stallCheck = ctx.executor().scheduleAtFixedRate(this::stallTick, check, check, TimeUnit.MILLISECONDS);
        if (!ctx.channel().isWritable()) {
            unwritableSince = System.nanoTime();
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            while (!closing) {
                if (pending == null) {
                    pending = YamuxHeader.tryRead(in);
                    if (pending == null) {
                        return;
                    }
                }
                byte[] data = null;
                if (pending.type() == YamuxHeader.TYPE_DATA) {
                    if (pending.length() > YamuxConfig.WINDOW) {
                        throw new YamuxException("data frame of " + pending.length() + " bytes exceeds the window");
                    }
                    if (in.readableBytes() < pending.length()) {
                        return;
                    }
                    data = new byte[(int) pending.length()];
                    in.readBytes(data);
                }
                YamuxHeader header = pending;
                pending = null;
                onFrame(header, data);
            }
        } catch (YamuxException e) {
            log.debug("{}: yamux protocol error: {}", ctx.channel(), e.getMessage());
            closing = true;
            sendFrame(YamuxHeader.TYPE_GO_AWAY, 0, 0, YamuxHeader.GO_AWAY_PROTOCOL_ERROR, null, true)
                    .addListener(ChannelFutureListener.CLOSE);
        }
        if (closing) {
            in.skipBytes(in.readableBytes());
        }
    }

    private void onFrame(YamuxHeader h, byte[] data) throws YamuxException {
        switch (h.type()) {
            case YamuxHeader.TYPE_PING -> {
                if (h.has(YamuxHeader.FLAG_SYN) && !pingAckInFlight) {
                    pingAckInFlight = true; // until the socket takes it: a peer that never reads gets one
                    sendFrame(YamuxHeader.TYPE_PING, YamuxHeader.FLAG_ACK, 0, h.length(), null, true)
                            .addListener(f -> pingAckInFlight = false);
                } else if (h.has(YamuxHeader.FLAG_ACK)) {
                    pingsUnanswered = 0;
                }
            }
            case YamuxHeader.TYPE_GO_AWAY -> {
                goAwayReceived = true;
                log.debug("{}: yamux GoAway code {}", ctx.channel(), h.length());
            }
            default -> onStreamFrame(h, data);
        }
    }

    private void onStreamFrame(YamuxHeader h, byte[] data) throws YamuxException {
        int id = h.streamId();
        YamuxStream stream = streams.get(id);
        if (h.has(YamuxHeader.FLAG_SYN)) {
            if (stream != null) {
                throw new YamuxException("SYN for stream " + id + " which is open");
            }
            boolean remoteParity = client ? (id & 1) == 0 : (id & 1) == 1;
            if (!remoteParity) {
                throw new YamuxException("SYN for stream " + id + " with this side's parity");
            }
            if (closing || streams.size() >= config.maxStreams()) {
                sendFrame(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_RST, id, 0, null, true);
                return;
            }
            stream = new YamuxStream(this, id, false);
            streams.put(id, stream);
            sendFrame(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_ACK, id, 0, null, true);
            inboundStreams.accept(stream);
        }
        if (stream == null) {
            return; // a stream already reset or closed here: its late frames are dropped
        }
        if (h.type() == YamuxHeader.TYPE_WINDOW_UPDATE) {
            stream.onWindowUpdate(h.length());
        } else {
            stream.onData(data);
        }
        if (h.has(YamuxHeader.FLAG_RST)) {
            stream.terminate();
        } else if (h.has(YamuxHeader.FLAG_FIN)) {
            stream.onRemoteFin();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        if (heldBytes > config.maxHeldBytes()) {
            ctx.fireChannelReadComplete(); // throttled: do not ask for more (the base class would)
        } else {
            super.channelReadComplete(ctx);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        unwritableSince = ctx.channel().isWritable() ? 0 : System.nanoTime();
        measure();
        if (ctx.channel().isWritable()) {
            for (YamuxStream s : new ArrayList<>(streams.values())) {
                if (s.hasQueuedWrites()) {
                    s.drain();
                }
            }
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        shutdown();
        super.channelInactive(ctx);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        shutdown();
    }

    private void shutdown() {
        closing = true;
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        if (stallCheck != null) {
            stallCheck.cancel(false);
        }
        for (YamuxStream s : new ArrayList<>(streams.values())) {
            s.terminate();
        }
    }

    private void keepAliveTick() {
        if (pingsUnanswered > 0) {
            log.debug("{}: yamux keepalive ping unanswered, closing", ctx.channel());
            ctx.close();
            return;
        }
        pingsUnanswered++;
        sendFrame(YamuxHeader.TYPE_PING, YamuxHeader.FLAG_SYN, 0, 1, null, true);
    }

    /** Resets streams the peer has left without window, and closes a channel it has not read. */
    private void stallTick() {
        measure(); // the socket drains without telling: keep the figure others read fresh
        long now = System.nanoTime();
        long timeout = config.writeStallTimeout().toNanos();
        if (unwritableSince != 0 && now - unwritableSince >= timeout) {
            log.debug("{}: the peer has not read for {}, closing", ctx.channel(), config.writeStallTimeout());
            abort();
            return;
        }
        for (YamuxStream s : new ArrayList<>(streams.values())) {
            if (!closing && s.stalledSince() != 0 && now - s.stalledSince() >= timeout) {
                overflow(s, "no send window for " + config.writeStallTimeout());
            }
        }
    }

    boolean isChannelWritable() {
        return ctx.channel().isWritable();
    }

    /**
     * True while the session holds less than half its cap: its streams may report writable. Off the
     * event loop (a writer asking {@code isWritable}) the last measurement answers.
     */
    boolean hasRoom() {
        long held = ctx.executor().inEventLoop() ? streamQueuedBytes + channelPendingBytes() : queuedBytes;
        return held < config.maxQueuedBytes() / 2;
    }

    /**
     * Whether {@code stream} may queue {@code n} more bytes; if not, the stream is reset (and the
     * channel closed after too many such resets).
     */
    boolean admit(YamuxStream stream, long n) {
        if (streamQueuedBytes + channelPendingBytes() + n <= config.maxQueuedBytes()) {
            return true;
        }
        overflow(stream, "a write of " + n + " bytes would pass the outbound cap of " + config.maxQueuedBytes());
        return false;
    }

    private void overflow(YamuxStream stream, String why) {
        overflows++;
        log.debug("{}: resetting stream {} ({} of {}): {}", ctx.channel(), stream.id(), overflows, YamuxConfig.MAX_OVERFLOWS, why);
        stream.reset();
        if (overflows >= YamuxConfig.MAX_OVERFLOWS) {
            log.debug("{}: {} streams reset for a peer that does not read, closing", ctx.channel(), overflows);
            abort();
        }
    }

    /** Closes at once, without GoAway: the peer is not reading what is already queued. */
    private void abort() {
        closing = true;
        ctx.close();
    }

    /** A stream's queue grew (or shrank) by {@code delta} bytes. */
    void queued(long delta) {
        streamQueuedBytes += delta;
        measure();
    }

    private long channelPendingBytes() {
        ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    private long measure() {
        long pending = channelPendingBytes();
        long total = streamQueuedBytes + pending;
        queuedBytes = total;
        if (total > peakQueuedBytes) {
            peakQueuedBytes = total;
        }
        return pending;
    }

    ChannelFuture sendFrame(int type, int flags, int streamId, long length, byte[] data, boolean flush) {
        ByteBuf frame = ctx.alloc().buffer(YamuxHeader.SIZE + (data == null ? 0 : data.length));
        new YamuxHeader(type, flags, streamId, length).write(frame);
        if (data != null) {
            frame.writeBytes(data);
        }
        ChannelFuture written = flush ? ctx.writeAndFlush(frame) : ctx.write(frame);
        if (measure() > config.maxQueuedBytes() && !closing) {
            log.debug("{}: {} bytes wait for a peer that does not read, closing", ctx.channel(), channelPendingBytes());
            abort();
        }
        return written;
    }

    void flush() {
        ctx.flush();
    }

    void removeStream(YamuxStream stream) {
        streams.remove(stream.id(), stream);
    }

    void holdBytes(long n) {
        heldBytes += n;
        if (heldBytes > config.maxHeldBytes() && ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    void releaseBytes(long n) {
        heldBytes -= n;
        if (heldBytes <= config.maxHeldBytes() / 2 && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** Thrown by {@link #openStream()} at the stream limit. */
    public static final class StreamLimitException extends IllegalStateException {
        StreamLimitException(int limit) {
            super("stream limit of " + limit + " reached");
        }
    }
}
