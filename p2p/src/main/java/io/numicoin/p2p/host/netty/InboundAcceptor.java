package io.numicoin.p2p.host.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.numicoin.p2p.host.Direction;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.multiaddr.MultiaddrException;
import io.numicoin.p2p.transport.TcpTransport;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's listening side: binds listening sockets and takes each accepted socket into its
 * upgrade, within the pending-handshake limit and under the handshake timeout.
 */
final class InboundAcceptor {

    /** Logs under the host's name, as it did when this was part of {@link NettyHost}. */
    private static final Logger log = LoggerFactory.getLogger(NettyHost.class);

    private final UpgradeContext host;
    private final TcpTransport transport;
    private final OpenChannels channels;
    private final List<Multiaddr> listenAddresses = new CopyOnWriteArrayList<>();

    InboundAcceptor(UpgradeContext host, TcpTransport transport, OpenChannels channels) {
        this.host = host;
        this.transport = transport;
        this.channels = channels;
    }

    CompletableFuture<Multiaddr> listen(Multiaddr address) {
        CompletableFuture<Multiaddr> result = new CompletableFuture<>();
        InetSocketAddress socket;
        try {
            socket = address.toTcpSocketAddress();
        } catch (MultiaddrException e) {
            return CompletableFuture.failedFuture(e);
        }
        ChannelFuture bind = transport.bind(socket, new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                acceptInbound(ch);
            }
        });
        bind.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
                return;
            }
            channels.addListening(bind.channel());
            Multiaddr bound = Multiaddr.tcp((InetSocketAddress) bind.channel().localAddress());
            listenAddresses.add(bound);
            log.info("listening on {}/p2p/{}", bound, host.identity().peerId());
            result.complete(bound);
        });
        return result;
    }

    List<Multiaddr> listenAddresses() {
        return List.copyOf(listenAddresses);
    }

    private void acceptInbound(Channel ch) {
        Multiaddr remote = Multiaddr.tcp((InetSocketAddress) ch.remoteAddress());
        HostSwitches switches = host.switches();
        if (switches.closed() || !switches.networkActive() || !switches.gater().allowInbound(remote)) {
            ch.close();
            return;
        }
        if (!host.inboundSlots().tryBeginPending()) {
            log.debug("refusing inbound connection from {}: {} handshakes pending", remote, host.config().maxPendingInbound());
            ch.close();
            return;
        }
        channels.track(ch);
        Upgrade upgrade = new Upgrade(host, Direction.INBOUND, null, null);
        ch.closeFuture().addListener(f -> upgrade.endPending());
        upgrade.setTimer(ch.eventLoop().schedule(() -> {
            log.debug("{}: inbound upgrade timed out", remote);
            ch.close();
        }, host.config().handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS));
        upgrade.install(ch, false);
    }
}
