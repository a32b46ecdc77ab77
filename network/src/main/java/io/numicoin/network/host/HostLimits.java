package io.numicoin.network.host;

import io.numicoin.p2p.host.HostConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * A host's limits against peers that do not handshake or do not read.
 *
 * @param maxPendingInbound inbound sockets in their handshake at once; more are closed on accept
 * @param maxQueuedBytesPerConnection outbound bytes one connection may hold (yamux queues plus the
 *        socket buffer)
 * @param writeStallTimeout a stream the peer leaves without window this long is reset; a socket it
 *        does not read this long is closed
 */
public record HostLimits(int maxPendingInbound, int maxQueuedBytesPerConnection, Duration writeStallTimeout) {

    public HostLimits {
        Objects.requireNonNull(writeStallTimeout, "writeStallTimeout");
        if (maxPendingInbound < 1 || maxQueuedBytesPerConnection < 1 || writeStallTimeout.isNegative() || writeStallTimeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** {@code base} with these limits. */
    public HostConfig applyTo(HostConfig base) {
        return base.withMaxPendingInbound(maxPendingInbound).withBackpressure(maxQueuedBytesPerConnection, writeStallTimeout);
    }
}
