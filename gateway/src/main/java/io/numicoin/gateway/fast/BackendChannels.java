package io.numicoin.gateway.fast;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.netty.util.AttributeKey;
import io.numicoin.gateway.backend.BackendInstance;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kept-alive HTTP/1.1 connections to the backend instances, one idle pool per event loop and
 * instance: a read uses a connection of its own event loop (no thread hop, no lock) and gives it
 * back when the answer is complete. A connection idle longer than {@code maxIdle} is closed instead
 * of reused; names are resolved by the JDK's resolver (its cache answers all but a connection's first look-up).
 */
final class BackendChannels {

    private static final AttributeKey<Long> IDLE_SINCE = AttributeKey.valueOf("numi.fast.idleSince");

    private final int connectTimeoutMillis;
    private final long maxIdleNanos;
    private final Map<EventLoop, Map<BackendInstance, ArrayDeque<Channel>>> idle = new ConcurrentHashMap<>();

    BackendChannels(Duration connectTimeout, Duration maxIdle) {
        this.connectTimeoutMillis = (int) connectTimeout.toMillis();
        this.maxIdleNanos = maxIdle.toNanos();
    }

    /** A kept-alive connection to {@code instance} on {@code client}'s event loop, or a new one. */
    ChannelFuture acquire(Channel client, BackendInstance instance) {
        EventLoop loop = client.eventLoop();
        ArrayDeque<Channel> pool = pool(loop, instance);
        long now = System.nanoTime();
        for (Channel channel = pool.pollLast(); channel != null; channel = pool.pollLast()) {
            Long since = channel.attr(IDLE_SINCE).get();
            if (channel.isActive() && since != null && now - since < maxIdleNanos) {
                return channel.newSucceededFuture();
            }
            channel.close();
        }
        boolean epoll = client instanceof EpollSocketChannel;
        Class<? extends SocketChannel> type = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        return new Bootstrap().group(loop).channel(type)
                .resolver(DefaultAddressResolverGroup.INSTANCE)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new BackendResponseHandler());
                    }
                })
                .connect(InetSocketAddress.createUnresolved(instance.uri().getHost(), port(instance)));
    }

    /** {@code channel} answered completely and may carry another request. */
    void release(BackendInstance instance, Channel channel) {
        if (!channel.isActive()) {
            return;
        }
        channel.attr(IDLE_SINCE).set(System.nanoTime());
        pool(channel.eventLoop(), instance).addLast(channel);
    }

    private ArrayDeque<Channel> pool(EventLoop loop, BackendInstance instance) {
        // the outer map is shared by the loops, the inner one belongs to its loop
        return idle.computeIfAbsent(loop, l -> new HashMap<>()).computeIfAbsent(instance, i -> new ArrayDeque<>());
    }

    private static int port(BackendInstance instance) {
        int port = instance.uri().getPort();
        return port >= 0 ? port : "https".equalsIgnoreCase(instance.uri().getScheme()) ? 443 : 80;
    }
}
