package io.numicoin.p2p.host.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ConnectTimeoutException;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.DialException;
import io.numicoin.p2p.host.Direction;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.transport.TcpTransport;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The host's dialing side: checks a dial (switches, address, an existing connection unless a new one
 * is asked for, the gater, the outbound limit), connects, and reports the upgrade's outcome or {@link DialException} within the
 * dial timeout.
 */
final class Dialer {

    private final UpgradeContext host;
    private final TcpTransport transport;
    private final OpenChannels channels;
    private final AtomicInteger outbound = new AtomicInteger();

    Dialer(UpgradeContext host, TcpTransport transport, OpenChannels channels) {
        this.host = host;
        this.transport = transport;
        this.channels = channels;
    }

    /** @param reuse whether an open connection to the address's peer answers the dial */
    CompletableFuture<Connection> dial(Multiaddr address, boolean reuse) {
        HostSwitches switches = host.switches();
        HostConfig config = host.config();
        if (switches.closed()) {
            return failedDial(DialException.Kind.HOST_CLOSED, "host is closed");
        }
        if (!switches.networkActive()) {
            return failedDial(DialException.Kind.NETWORK_INACTIVE, "networking is switched off");
        }
        Optional<PeerId> expected;
        InetSocketAddress socket;
        try {
            expected = address.peerId();
            socket = address.withoutPeerId().toTcpSocketAddress();
        } catch (IllegalArgumentException e) {
            return failedDial(DialException.Kind.BAD_ADDRESS, e.getMessage());
        }
        if (expected.isPresent() && expected.get().equals(host.identity().peerId())) {
            return failedDial(DialException.Kind.BAD_ADDRESS, "dialling itself");
        }
        if (reuse && expected.isPresent()) {
            Optional<Connection> existing = host.connections().find(expected.get());
            if (existing.isPresent()) {
                return CompletableFuture.completedFuture(existing.get());
            }
        }
        if (!switches.gater().allowDial(address)) {
            return failedDial(DialException.Kind.GATED, address.toString());
        }
        if (outbound.incrementAndGet() > config.maxOutbound()) {
            outbound.decrementAndGet();
            return failedDial(DialException.Kind.CONNECTION_LIMIT, "outbound limit of " + config.maxOutbound() + " reached");
        }
        CompletableFuture<Connection> result = new CompletableFuture<>();
        Upgrade upgrade = new Upgrade(host, Direction.OUTBOUND, expected.orElse(null), result);
        ChannelFuture connect = transport.connect(socket, config.dialTimeout(), new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                channels.track(ch);
                upgrade.install(ch, true);
            }
        });
        Channel ch = connect.channel();
        ch.closeFuture().addListener(f -> {
            outbound.decrementAndGet();
            if (connect.isSuccess()) {
                upgrade.fail(DialException.Kind.UPGRADE_FAILED, "connection closed during the upgrade");
            } else {
                upgrade.fail(DialException.Kind.CONNECT_FAILED, socket + ": " + connect.cause());
            }
        });
        upgrade.setTimer(ch.eventLoop().schedule(() -> {
            upgrade.fail(DialException.Kind.TIMEOUT, "no connection within " + config.dialTimeout());
            ch.close();
        }, config.dialTimeout().toMillis(), TimeUnit.MILLISECONDS));
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                boolean timeout = f.cause() instanceof ConnectTimeoutException;
                upgrade.fail(timeout ? DialException.Kind.TIMEOUT : DialException.Kind.CONNECT_FAILED,
                        socket + ": " + f.cause().getMessage());
            }
        });
        return result;
    }

    private static CompletableFuture<Connection> failedDial(DialException.Kind kind, String message) {
        return CompletableFuture.failedFuture(new DialException(kind, message));
    }
}
