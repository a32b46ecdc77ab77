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
 */
public record YamuxConfig(int maxStreams, Duration keepAliveInterval, int streamHighWaterMark, int maxHeldBytes) {

    /** The initial (and, here, the maximum) receive window of a stream. */
    public static final int WINDOW = 256 * 1024;
    /** Largest payload in one outbound Data frame. */
    public static final int MAX_CHUNK = 64 * 1024;

    public static YamuxConfig defaults() {
        return new YamuxConfig(256, Duration.ofSeconds(30), 1 << 20, 8 << 20);
    }
}
