package io.numicoin.p2p.mux.yamux;

import java.time.Duration;

/**
 * Limits of one yamux session.
 *
 * @param maxStreams          open streams (both directions); further SYNs are answered with RST
 * @param keepAliveInterval   ping interval; an unanswered ping by the next tick closes the session;
 *                            zero disables pings
 * @param streamHighWaterMark queued outbound bytes above which a stream reports not writable
 * @param maxHeldBytes        received bytes held for paused streams above which the session stops
 *                            reading the socket (resumes below half)
 * @param maxQueuedBytes      outbound bytes the session may hold: its streams' queues plus the
 *                            channel's outbound buffer. A write past it resets the writing stream;
 *                            after {@link #MAX_OVERFLOWS} such resets, or when frames the session must
 *                            send (acknowledgements, window updates) alone pass it, the channel is closed
 * @param writeStallTimeout   a stream with queued data and no send window for this long is reset (and
 *                            counts as an overflow); a channel not writable for this long is closed
 */
public record YamuxConfig(int maxStreams, Duration keepAliveInterval, int streamHighWaterMark, int maxHeldBytes,
        int maxQueuedBytes, Duration writeStallTimeout) {

    /** The initial (and, here, the maximum) receive window of a stream. */
    public static final int WINDOW = 256 * 1024;
    /** Largest payload in one outbound Data frame. */
    public static final int MAX_CHUNK = 64 * 1024;
    /** Streams reset for overflowing or stalling before the session closes the connection. */
    public static final int MAX_OVERFLOWS = 8;

    /**
     * Smallest queue cap: twice the socket's high-water mark (1 MiB, {@code TcpTransport}), which
     * writable streams may overshoot by a chunk, so that honest traffic never trips it.
     */
    public static final int MIN_QUEUED_BYTES = 2 << 20;

    public YamuxConfig {
        if (maxQueuedBytes < Math.max(streamHighWaterMark, MIN_QUEUED_BYTES) || writeStallTimeout.isNegative()
                || writeStallTimeout.isZero()) {
            throw new IllegalArgumentException("the queue cap must be at least " + MIN_QUEUED_BYTES
                    + " bytes and one stream's high-water mark, and the stall timeout positive");
        }
    }

    public static YamuxConfig defaults() {
        return new YamuxConfig(256, Duration.ofSeconds(30), 1 << 20, 8 << 20, 32 << 20, Duration.ofSeconds(30));
    }
}
