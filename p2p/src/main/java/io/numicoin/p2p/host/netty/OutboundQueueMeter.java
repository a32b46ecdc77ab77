package io.numicoin.p2p.host.netty;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbound bytes the host's connections hold (yamux queues and socket buffers): now, summed, and
 * the most any one connection has held at once, closed connections included.
 */
final class OutboundQueueMeter {

    private final ConnectionRegistry connections;
    private final AtomicLong retiredPeakQueued = new AtomicLong();

    OutboundQueueMeter(ConnectionRegistry connections) {
        this.connections = connections;
    }

    /** Keeps the connection's peak once it closes. */
    void retireOnClose(MuxedConnection connection) {
        connection.closeFuture().thenRun(() -> retiredPeakQueued.accumulateAndGet(connection.peakQueuedOutboundBytes(), Math::max));
    }

    long queued() {
        return connections.all().stream().mapToLong(c -> ((MuxedConnection) c).queuedOutboundBytes()).sum();
    }

    long peak() {
        long live = connections.all().stream().mapToLong(c -> ((MuxedConnection) c).peakQueuedOutboundBytes()).max().orElse(0);
        return Math.max(live, retiredPeakQueued.get());
    }
}
