package io.numicoin.p2p.host;

import java.time.Duration;

/**
 * A host's limits and identity strings. {@link #defaults()} gives sensible values; the withers
 * change one at a time.
 *
 * @param agentVersion          announced by identify, e.g. {@code numicoin/0.1.0}
 * @param protocolVersion       announced by identify
 * @param maxInbound            inbound connections held at once; more are closed on accept
 * @param maxOutbound           outbound connections held at once; more dials fail
 * @param dialTimeout           connect plus upgrade (multistream, Noise, yamux) for a dial
 * @param handshakeTimeout      upgrade of an inbound connection, and stream protocol negotiation
 * @param maxStreamsPerConnection open yamux streams per connection, each direction counted together
 * @param keepAliveInterval     yamux ping interval; zero disables it
 * @param streamHighWaterMark   queued outbound bytes above which a stream reports not writable
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
        int streamHighWaterMark) {

    public HostConfig {
        if (maxInbound < 0 || maxOutbound < 0 || maxStreamsPerConnection < 1 || streamHighWaterMark < 1) {
            throw new IllegalArgumentException("connection and stream limits must be positive");
        }
        if (dialTimeout.isNegative() || dialTimeout.isZero() || handshakeTimeout.isNegative() || handshakeTimeout.isZero()
                || keepAliveInterval.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static HostConfig defaults() {
        return new HostConfig("numicoin/0.1.0", "numicoin/1.0.0", 64, 32, Duration.ofSeconds(10), Duration.ofSeconds(10),
                256, Duration.ofSeconds(30), 1 << 20);
    }

    public HostConfig withAgentVersion(String value) {
        return new HostConfig(value, protocolVersion, maxInbound, maxOutbound, dialTimeout, handshakeTimeout,
                maxStreamsPerConnection, keepAliveInterval, streamHighWaterMark);
    }

    public HostConfig withConnectionLimits(int inbound, int outbound) {
        return new HostConfig(agentVersion, protocolVersion, inbound, outbound, dialTimeout, handshakeTimeout,
                maxStreamsPerConnection, keepAliveInterval, streamHighWaterMark);
    }

    public HostConfig withTimeouts(Duration dial, Duration handshake) {
        return new HostConfig(agentVersion, protocolVersion, maxInbound, maxOutbound, dial, handshake,
                maxStreamsPerConnection, keepAliveInterval, streamHighWaterMark);
    }

    public HostConfig withMaxStreamsPerConnection(int value) {
        return new HostConfig(agentVersion, protocolVersion, maxInbound, maxOutbound, dialTimeout, handshakeTimeout,
                value, keepAliveInterval, streamHighWaterMark);
    }

    public HostConfig withKeepAliveInterval(Duration value) {
        return new HostConfig(agentVersion, protocolVersion, maxInbound, maxOutbound, dialTimeout, handshakeTimeout,
                maxStreamsPerConnection, value, streamHighWaterMark);
    }
}
