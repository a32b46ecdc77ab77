package io.numicoin.p2p.host;

import java.time.Duration;

/**
 * A host's limits and identity strings. {@link #defaults()} gives sensible values; the withers
 * change one at a time.
 *
 * @param agentVersion          announced by identify, e.g. {@code numicoin/0.1.0}
 * @param protocolVersion       announced by identify
 * @param maxInbound            established (authenticated) inbound connections held at once; more are
 *                              closed right after their handshake
 * @param maxOutbound           outbound connections held at once; more dials fail
 * @param dialTimeout           connect plus upgrade (multistream, Noise, yamux) for a dial
 * @param handshakeTimeout      upgrade of an inbound connection, and stream protocol negotiation
 * @param maxStreamsPerConnection open yamux streams per connection, each direction counted together
 * @param keepAliveInterval     yamux ping interval; zero disables it
 * @param streamHighWaterMark   queued outbound bytes above which a stream reports not writable
 * @param maxPendingInbound     inbound sockets still in their upgrade (not yet authenticated); more are
 *                              closed on accept
 * @param maxQueuedBytesPerConnection outbound bytes a connection may hold (its streams' queues plus the
 *                              socket's buffer); a write past it resets its stream, and a connection
 *                              that keeps overflowing is closed
 * @param writeStallTimeout     a stream whose queued data the peer has not let out (no window) for this
 *                              long is reset; a socket the peer has not read for this long is closed
 */
public record HostConfig(
        String agentVersion,
        String protocolVersion,
        int maxInbound,
        int maxOutbound,
        Duration dialTimeout,
        Duration handshakeTimeout,
        int maxStreamsPerConnection,
        Duration keepAliveInterval,
        int streamHighWaterMark,
        int maxPendingInbound,
        int maxQueuedBytesPerConnection,
        Duration writeStallTimeout) {

    public HostConfig {
        if (maxInbound < 0 || maxOutbound < 0 || maxStreamsPerConnection < 1 || streamHighWaterMark < 1 || maxPendingInbound < 1) {
            throw new IllegalArgumentException("connection and stream limits must be positive");
        }
        if (maxQueuedBytesPerConnection < Math.max(streamHighWaterMark, 2 << 20)) {
            throw new IllegalArgumentException("the per-connection queue cap must be at least 2 MiB and the stream high-water mark");
        }
        if (dialTimeout.isNegative() || dialTimeout.isZero() || handshakeTimeout.isNegative() || handshakeTimeout.isZero()
                || keepAliveInterval.isNegative() || writeStallTimeout.isNegative() || writeStallTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static HostConfig defaults() {
        return new HostConfig("numicoin/0.1.0", "numicoin/1.0.0", 64, 32, Duration.ofSeconds(10), Duration.ofSeconds(10),
                256, Duration.ofSeconds(30), 1 << 20, 64, 32 << 20, Duration.ofSeconds(30));
    }

    public HostConfig withAgentVersion(String value) {
        return new HostConfig(value, protocolVersion, maxInbound, maxOutbound, dialTimeout, handshakeTimeout,
                maxStreamsPerConnection, keepAliveInterval, streamHighWaterMark, maxPendingInbound, maxQueuedBytesPerConnection,
                writeStallTimeout);
    }

    public HostConfig withConnectionLimits(int inbound, int outbound) {
        return new HostConfig(agentVersion, protocolVersion, inbound, outbound, dialTimeout, handshakeTimeout,
                maxStreamsPerConnection, keepAliveInterval, streamHighWaterMark, maxPendingInbound, maxQueuedBytesPerConnection,
                writeStallTimeout);
    }

    public HostConfig withTimeouts(Duration dial, Duration handshake) {
        return new HostConfig(agentVersion, protocolVersion, maxInbound, maxOutbound, dial, handshake,
                maxStreamsPerConnection, keepAliveInterval, streamHighWaterMark, maxPendingInbound, maxQueuedBytesPerConnection,
                writeStallTimeout);
    }

    public HostConfig withMaxStreamsPerConnection(int value) {
        return new HostConfig(agentVersion, protocolVersion, maxInbound, maxOutbound, dialTimeout, handshakeTimeout,
                value, keepAliveInterval, streamHighWaterMark, maxPendingInbound, maxQueuedBytesPerConnection, writeStallTimeout);
    }

    public HostConfig withKeepAliveInterval(Duration value) {
        return new HostConfig(agentVersion, protocolVersion, maxInbound, maxOutbound, dialTimeout, handshakeTimeout,
                maxStreamsPerConnection, value, streamHighWaterMark, maxPendingInbound, maxQueuedBytesPerConnection, writeStallTimeout);
    }

    public HostConfig withMaxPendingInbound(int value) {
        return new HostConfig(agentVersion, protocolVersion, maxInbound, maxOutbound, dialTimeout, handshakeTimeout,
                maxStreamsPerConnection, keepAliveInterval, streamHighWaterMark, value, maxQueuedBytesPerConnection, writeStallTimeout);
    }

    /** The outbound queue cap per connection and how long a peer may leave queued data unread. */
    public HostConfig withBackpressure(int maxQueuedBytes, Duration stallTimeout) {
        return new HostConfig(agentVersion, protocolVersion, maxInbound, maxOutbound, dialTimeout, handshakeTimeout,
                maxStreamsPerConnection, keepAliveInterval, streamHighWaterMark, maxPendingInbound, maxQueuedBytes, stallTimeout);
    }
}
