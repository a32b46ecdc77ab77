package io.numicoin.p2p.host.netty;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.Direction;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.host.Stream;
import io.numicoin.p2p.host.StreamException;
import io.numicoin.p2p.host.StreamHandler;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.multistream.DialerNegotiation;
import io.numicoin.p2p.multistream.ListenerNegotiation;
import io.numicoin.p2p.multistream.Negotiation;
import io.numicoin.p2p.mux.yamux.YamuxSession;
import io.numicoin.p2p.mux.yamux.YamuxStream;
import io.numicoin.p2p.peer.PeerId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Connection} over a channel carrying Noise and a yamux session. */
final class MuxedConnection implements Connection {

    private static final Logger log = LoggerFactory.getLogger(MuxedConnection.class);

    private final Channel channel;
    private final PeerId remotePeer;
    private final Direction direction;
    private final Multiaddr remoteAddress;
    private final Multiaddr localAddress;
    private final Function<ProtocolId, StreamHandler> handlers;
    private final Duration negotiationTimeout;
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final int maxPendingInboundStreams;
    private volatile YamuxSession session;
    private int pendingInboundStreams;

    MuxedConnection(Channel channel, PeerId remotePeer, Direction direction, Function<ProtocolId, StreamHandler> handlers,
            Duration negotiationTimeout, int maxPendingInboundStreams) {
        this.maxPendingInboundStreams = maxPendingInboundStreams;
        this.channel = channel;
        this.remotePeer = remotePeer;
        this.direction = direction;
        this.remoteAddress = Multiaddr.tcp((java.net.InetSocketAddress) channel.remoteAddress());
        this.localAddress = Multiaddr.tcp((java.net.InetSocketAddress) channel.localAddress());
        this.handlers = handlers;
        this.negotiationTimeout = negotiationTimeout;
        channel.closeFuture().addListener(f -> closeFuture.complete(null));
    }

    void attach(YamuxSession yamuxSession) {
        this.session = yamuxSession;
    }

    Channel channel() {
        return channel;
    }

    /** Outbound bytes this connection holds now (yamux queues and the socket's buffer). */
    long queuedOutboundBytes() {
        YamuxSession s = session;
        return s == null ? 0 : s.queuedOutboundBytes();
    }

    /** The most outbound bytes this connection has held at once. */
    long peakQueuedOutboundBytes() {
        YamuxSession s = session;
        return s == null ? 0 : s.peakQueuedOutboundBytes();
    }

    /**
     * An inbound yamux stream: negotiate its protocol against the registered handlers. At most
     * {@code maxPendingInboundStreams} negotiate at once; a stream past that is reset at once.
     */
    void onInboundStream(YamuxStream yamux) {
        if (pendingInboundStreams >= maxPendingInboundStreams) {
            log.debug("{}: {} inbound streams still negotiating, resetting another", remotePeer, pendingInboundStreams);
            yamux.reset();
            return;
        }
        pendingInboundStreams++;
        boolean[] settled = new boolean[1];
        Runnable settle = () -> {
            if (!settled[0]) {
                settled[0] = true;
                pendingInboundStreams--;
            }
        };
        NegotiatedStream stream = new NegotiatedStream(yamux, this, channel.eventLoop());
        ScheduledFuture<?> timeout = scheduleTimeout(yamux);
        stream.negotiate(out -> new ListenerNegotiation(p -> handlers.apply(p) != null, out), new NegotiatedStream.Outcome() {
            @Override
            public void selected(NegotiatedStream s) {
                timeout.cancel(false);
                settle.run();
                StreamHandler handler = handlers.apply(s.protocol());
                if (handler == null) {
                    s.reset();
                    return;
                }
                try {
                    handler.handle(s);
                } catch (RuntimeException e) {
                    log.warn("stream handler for {} failed", s.protocol(), e);
                    s.reset();
                }
            }

            @Override
            public void failed(Negotiation.Failure failure, String detail) {
                timeout.cancel(false);
                settle.run();
                log.debug("{}: inbound stream negotiation failed: {} {}", remotePeer, failure, detail);
            }
        });
    }

    @Override
    public CompletableFuture<Stream> newStream(List<ProtocolId> protocols) {
        CompletableFuture<Stream> result = new CompletableFuture<>();
        List<ProtocolId> proposals = List.copyOf(protocols);
        channel.eventLoop().execute(() -> open(proposals, result));
        return result;
    }

    private void open(List<ProtocolId> proposals, CompletableFuture<Stream> result) {
        YamuxStream yamux;
        try {
            if (session == null || !channel.isActive()) {
                throw new IllegalStateException("closed");
            }
            yamux = session.openStream();
        } catch (YamuxSession.StreamLimitException e) {
            result.completeExceptionally(new StreamException(StreamException.Kind.STREAM_LIMIT, e.getMessage()));
            return;
        } catch (IllegalStateException e) {
            result.completeExceptionally(new StreamException(StreamException.Kind.CONNECTION_CLOSED, "connection to " + remotePeer + " is closed"));
            return;
        }
        NegotiatedStream stream = new NegotiatedStream(yamux, this, channel.eventLoop());
        ScheduledFuture<?> timeout = channel.eventLoop().schedule(() -> {
            if (!result.isDone()) {
                yamux.reset();
                result.completeExceptionally(new StreamException(StreamException.Kind.TIMEOUT, "negotiating " + proposals));
            }
        }, negotiationTimeout.toMillis(), TimeUnit.MILLISECONDS);
        stream.negotiate(out -> new DialerNegotiation(proposals, out), new NegotiatedStream.Outcome() {
            @Override
            public void selected(NegotiatedStream s) {
                timeout.cancel(false);
                result.complete(s);
            }

            @Override
            public void failed(Negotiation.Failure failure, String detail) {
                timeout.cancel(false);
                StreamException.Kind kind = switch (failure) {
                    case NOT_SUPPORTED -> StreamException.Kind.PROTOCOL_NOT_SUPPORTED;
                    case PROTOCOL_ERROR -> StreamException.Kind.PROTOCOL_ERROR;
                    case STREAM_RESET -> channel.isActive() ? StreamException.Kind.STREAM_RESET : StreamException.Kind.CONNECTION_CLOSED;
                };
                result.completeExceptionally(new StreamException(kind, detail));
            }
        });
    }

    private ScheduledFuture<?> scheduleTimeout(YamuxStream yamux) {
        return channel.eventLoop().schedule(yamux::reset, negotiationTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public PeerId remotePeer() {
        return remotePeer;
    }

    @Override
    public Multiaddr remoteAddress() {
        return remoteAddress;
    }

    @Override
    public Multiaddr localAddress() {
        return localAddress;
    }

    @Override
    public Direction direction() {
        return direction;
    }

    @Override
    public boolean isOpen() {
        return channel.isActive() && !closeFuture.isDone();
    }

    @Override
    public CompletableFuture<Void> close() {
        channel.eventLoop().execute(() -> {
            if (session != null) {
                session.close();
            } else {
                channel.close();
            }
        });
        return closeFuture;
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    @Override
    public String toString() {
        return "Connection[" + direction + " " + remotePeer + " " + remoteAddress + "]";
    }
}
