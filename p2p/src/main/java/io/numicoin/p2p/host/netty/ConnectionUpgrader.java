package io.numicoin.p2p.host.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multistream.ChannelNegotiationHandler;
import io.numicoin.p2p.mux.yamux.YamuxConfig;
import io.numicoin.p2p.mux.yamux.YamuxSession;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.security.noise.NoiseHandshakeHandler;
import io.numicoin.p2p.security.noise.NoiseTransportCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrades a raw TCP channel to a libp2p connection: multistream-select {@code /noise}, the Noise XX
 * handshake, multistream-select {@code /yamux/1.0.0} inside the secure channel, then a yamux
 * session. Each stage installs the next behind itself and leaves. A last handler turns any
 * exception (a reset socket, a decoder failure) into a debug line and a close.
 */
final class ConnectionUpgrader {

    static final ProtocolId NOISE = ProtocolId.of("/noise");
    static final ProtocolId YAMUX = ProtocolId.of("/yamux/1.0.0");

    /** The host's side of an upgrade. */
    interface Callbacks {
        /** The remote is authenticated; false refuses it (the channel is then closed). */
        boolean secured(Channel channel, PeerId remote);

        /** The muxer is agreed: the connection object that will own the session. */
        MuxedConnection connection(Channel channel, PeerId remote);

        /** The session is in place; called before it reads any frame. */
        void established(MuxedConnection connection);
    }

    private static final Logger log = LoggerFactory.getLogger(ConnectionUpgrader.class);

    private ConnectionUpgrader() {
    }

    static void install(Channel channel, boolean initiator, NodeIdentity identity, YamuxConfig yamux, Callbacks callbacks) {
        channel.pipeline().addLast("errors", new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                log.debug("{}: closing after {}", ctx.channel(), cause.toString());
                ctx.close();
            }
        });
        channel.pipeline().addBefore("errors", "security-select", initiator
                ? ChannelNegotiationHandler.dialer(NOISE, (ctx, p) -> addHandshake(ctx, initiator, identity, yamux, callbacks))
                : ChannelNegotiationHandler.listener(NOISE, (ctx, p) -> addHandshake(ctx, initiator, identity, yamux, callbacks)));
    }

    private static void addHandshake(ChannelHandlerContext ctx, boolean initiator, NodeIdentity identity, YamuxConfig yamux,
            Callbacks callbacks) {
        ctx.pipeline().addAfter(ctx.name(), "noise-handshake", new NoiseHandshakeHandler(initiator, identity,
                (hctx, remoteKey, send, receive) -> {
                    PeerId remote = remoteKey.peerId();
                    if (!callbacks.secured(hctx.channel(), remote)) {
                        hctx.close();
                        return;
                    }
                    hctx.pipeline().addAfter(hctx.name(), "noise", new NoiseTransportCodec(send, receive));
                    ChannelNegotiationHandler muxerSelect = initiator
                            ? ChannelNegotiationHandler.dialer(YAMUX, (mctx, p) -> addSession(mctx, initiator, remote, yamux, callbacks))
                            : ChannelNegotiationHandler.listener(YAMUX, (mctx, p) -> addSession(mctx, initiator, remote, yamux, callbacks));
                    hctx.pipeline().addAfter("noise", "muxer-select", muxerSelect);
                }));
    }

    private static void addSession(ChannelHandlerContext ctx, boolean initiator, PeerId remote, YamuxConfig yamux,
            Callbacks callbacks) {
        MuxedConnection connection = callbacks.connection(ctx.channel(), remote);
        YamuxSession session = new YamuxSession(initiator, yamux, connection::onInboundStream);
        connection.attach(session);
        ctx.pipeline().addAfter(ctx.name(), "yamux", session);
        callbacks.established(connection);
    }
}
