package io.numicoin.p2p.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.channels.spi.SelectorProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * TCP on Netty: one event-loop group (epoll where the native transport loads, NIO otherwise) for
 * listening and dialling. Knows nothing of what runs on the channels: callers pass the initializer.
 */
public final class TcpTransport implements AutoCloseable {

    /** Outbound bytes buffered in a channel before it reports not writable (and resumes below low). */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    private final boolean epoll;
    private final EventLoopGroup group;

    public TcpTransport(String threadName, int threads) {
        this.epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(threadName, true), io);
    }

    /** True when the native epoll transport is in use. */
    public boolean isEpoll() {
        return epoll;
    }

    /**
     * Listens on {@code address} in its own address family: an IPv4 address gets an IPv4 socket. (The
     * JDK's default socket is dual-stack IPv6: told to listen on 0.0.0.0 it would listen on {@code ::}
     * and report that as the bound address, which the host then announces.)
     */
    public ChannelFuture bind(InetSocketAddress address, ChannelInitializer<Channel> initializer) {
        SocketProtocolFamily family = address.getAddress() instanceof Inet6Address ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        ChannelFactory<ServerChannel> channels = epoll ? () -> new EpollServerSocketChannel(family)
                : () -> new NioServerSocketChannel(SelectorProvider.provider(), family);
        return new ServerBootstrap()
                .group(group)
                .channelFactory(channels)
                .option(ChannelOption.SO_BACKLOG, 128)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(initializer)
                .bind(address);
    }

    public ChannelFuture connect(InetSocketAddress address, Duration timeout, ChannelInitializer<Channel> initializer) {
        return new Bootstrap()
                .group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(initializer)
                .connect(address);
    }

    /** Stops the event loops and waits (up to 5 s) for them to end. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
