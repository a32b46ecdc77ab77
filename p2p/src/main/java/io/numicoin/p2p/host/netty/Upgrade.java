package io.numicoin.p2p.host.netty;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.DialException;
import io.numicoin.p2p.host.Direction;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The state of one connection's upgrade and the host's answers to its stages. */
final class Upgrade implements ConnectionUpgrader.Callbacks {

    /** Logs under the host's name, as it did when this was part of {@link NettyHost}. */
    private static final Logger log = LoggerFactory.getLogger(NettyHost.class);
    /** Inbound streams of one connection still negotiating their protocol; more are reset at once. */
    private static final int MAX_PENDING_INBOUND_STREAMS = 64;

    private final UpgradeContext host;
    private final Direction direction;
    private final PeerId expected;
    private final CompletableFuture<Connection> result;
    private volatile DialException.Kind refusal;
    private ScheduledFuture<?> timer;
    private final AtomicBoolean pending = new AtomicBoolean(true);

    /** An upgrade of a {@code direction} socket; {@code expected} and {@code result} are null for an inbound one. */
    Upgrade(UpgradeContext host, Direction direction, PeerId expected, CompletableFuture<Connection> result) {
        this.host = host;
        this.direction = direction;
        this.expected = expected;
        this.result = result;
    }

    /** Puts the upgrade's stages on the channel's pipeline. */
    void install(Channel channel, boolean initiator) {
        ConnectionUpgrader.install(channel, initiator, host.identity(), host.yamuxConfig(), this);
    }

    /** The deadline that ends the upgrade; cancelled when it fails or is established. */
    void setTimer(ScheduledFuture<?> timer) {
        this.timer = timer;
    }

    /** An inbound socket leaves the pending count once: established or closed. */
    void endPending() {
        if (direction == Direction.INBOUND && pending.compareAndSet(true, false)) {
            host.inboundSlots().endPending();
        }
    }

    void fail(DialException.Kind kind, String message) {
        if (result != null && !result.isDone()) {
            DialException.Kind reported = refusal != null ? refusal : kind;
            result.completeExceptionally(new DialException(reported, message));
        }
        if (timer != null) {
            timer.cancel(false);
        }
    }

    @Override
    public boolean secured(Channel channel, PeerId remote) {
        if (!host.switches().networkActive()) {
            refusal = DialException.Kind.NETWORK_INACTIVE;
            return false;
        }
        if (remote.equals(host.identity().peerId())) {
            refusal = DialException.Kind.BAD_ADDRESS;
            return false;
        }
        if (expected != null && !expected.equals(remote)) {
            refusal = DialException.Kind.PEER_ID_MISMATCH;
            log.debug("{}: expected peer {}, got {}", channel, expected, remote);
            return false;
        }
        Multiaddr remoteAddress = Multiaddr.tcp((InetSocketAddress) channel.remoteAddress());
        boolean countedInbound = direction == Direction.INBOUND;
        if (countedInbound && !host.inboundSlots().tryAdmit()) {
            log.debug("refusing inbound {} from {}: limit of {} reached", remote, remoteAddress, host.config().maxInbound());
            return false;
        }
        if (!host.switches().gater().allowSecured(remote, remoteAddress, direction)) {
            if (countedInbound) {
                host.inboundSlots().release();
            }
            refusal = DialException.Kind.GATED;
            return false;
        }
        if (countedInbound) {
            channel.closeFuture().addListener(f -> host.inboundSlots().release());
        }
        return true;
    }

    @Override
    public MuxedConnection connection(Channel channel, PeerId remote) {
        return new MuxedConnection(channel, remote, direction, host.handlers(), host.config().handshakeTimeout(),
                MAX_PENDING_INBOUND_STREAMS);
    }

    @Override
    public void established(MuxedConnection connection) {
        if (timer != null) {
            timer.cancel(false);
        }
        endPending();
        HostSwitches switches = host.switches();
        if (switches.closed() || !switches.networkActive()) {
            refusal = switches.closed() ? DialException.Kind.HOST_CLOSED : DialException.Kind.NETWORK_INACTIVE;
            connection.close();
            return;
        }
        host.queueMeter().retireOnClose(connection);
        host.connections().add(connection);
        if (!switches.networkActive()) {  // switched off between the check above and the add: setNetworkActive may have missed it
            connection.close();
        }
        if (result != null) {
            result.complete(connection);
        }
    }
}
