package io.numicoin.pool.stratum;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.numicoin.pool.share.ShareListener;
import io.numicoin.pool.share.ShareValidator;
import io.numicoin.pool.share.Vardiff;
import io.numicoin.pool.work.JobBook;
import io.numicoin.pool.work.PoolJob;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.bytes.Bytes;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Stratum v1 over TCP on Netty: JSON lines up to {@code maxLineBytes}, an idle timeout and a
 * handshake deadline, caps on connections in total and per address, per-connection share rate
 * and in-flight bounds, timed bans for invalid floods, vardiff per connection, and every new job
 * announced to every ready connection. See docs/pool.md.
 */
public final class StratumServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StratumServer.class);

    private final StratumSettings settings;
    private final AddressHrp hrp;
    private final JobBook jobs;
    private final ShareProcessor processor;
    private final ShareListener listener;
    private final BanList bans;
    private final StratumMetrics metrics;
    private final Set<StratumSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> perIp = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger extranonces = new AtomicInteger((int) System.nanoTime());
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private volatile Channel server;
    private volatile boolean running;

    public StratumServer(StratumSettings settings, AddressHrp hrp, JobBook jobs, ShareValidator validator, ShareListener listener,
            int validationThreads, int validationQueue, StratumMetrics metrics) {
        this.settings = settings;
        this.hrp = hrp;
        this.jobs = jobs;
        this.listener = listener;
        this.metrics = metrics;
        this.processor = new ShareProcessor(validator, listener, validationThreads, validationQueue);
        this.bans = new BanList(settings.banDuration(), settings.ipBanAfter(), System::nanoTime);
        jobs.addListener(this::broadcast);
    }

    @Override
    public void start() {
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("stratum-accept", true), NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("stratum-io", true), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new io.netty.channel.WriteBufferWaterMark(16 * 1024, 64 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (!admit(ch)) {
                            ch.close();
                            return;
                        }
                        ch.pipeline()
                                .addLast(new IdleStateHandler(settings.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS))
                                .addLast(new LineBasedFrameDecoder(settings.maxLineBytes(), true, true))
                                .addLast(new StringDecoder(StandardCharsets.UTF_8))
                                .addLast(new StringEncoder(StandardCharsets.UTF_8))
                                .addLast(new StratumHandler(StratumServer.this));
                        ch.eventLoop().schedule(() -> {
                            StratumSession s = ch.attr(SESSION).get();
                            if (s != null && !s.ready()) {
                                ch.close();
                            }
                        }, settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    }
                });
        try {
            server = bootstrap.bind(new InetSocketAddress(settings.address(), settings.port())).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding Stratum", e);
        }
        workers.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        running = true;
        log.info("Stratum listening on {}:{}", settings.address().getHostAddress(), localPort());
    }

    private static final io.netty.util.AttributeKey<StratumSession> SESSION = io.netty.util.AttributeKey.valueOf("stratum-session");

    /** The connection caps and the address ban, checked before a connection gets a pipeline. */
    private boolean admit(SocketChannel ch) {
        String ip = ch.remoteAddress().getAddress().getHostAddress();
        if (bans.ipBanned(ip)) {
            metrics.connectionRefused();
            return false;
        }
        if (open.incrementAndGet() > settings.maxConnections()) {
            open.decrementAndGet();
            metrics.connectionRefused();
            return false;
        }
        AtomicInteger fromIp = perIp.computeIfAbsent(ip, k -> new AtomicInteger());
        if (fromIp.incrementAndGet() > settings.maxConnectionsPerIp()) {
            fromIp.decrementAndGet();
            open.decrementAndGet();
            metrics.connectionRefused();
            return false;
        }
        ch.closeFuture().addListener((ChannelFutureListener) f -> {
            open.decrementAndGet();
            if (fromIp.decrementAndGet() <= 0) {
                perIp.remove(ip, fromIp);
            }
        });
        return true;
    }

    StratumSession open(Channel channel) {
        String ip = ((InetSocketAddress) channel.remoteAddress()).getAddress().getHostAddress();
        long now = System.nanoTime();
        Bytes extranonce1 = Bytes.of(ByteBuffer.allocate(4).putInt(extranonces.incrementAndGet()).array());
        StratumSession session = new StratumSession(channel, ip, extranonce1,
                new Vardiff(settings.vardiff(), settings.startDifficulty(), now),
                new TokenBucket(settings.submitsPerSecond(), settings.submitBurst(), now),
                new InvalidShareCounter(settings.invalidWindow(), settings.invalidLimit(), now));
        channel.attr(SESSION).set(session);
        sessions.add(session);
        return session;
    }

    void closed(StratumSession session) {
        sessions.remove(session);
    }

    /** Bans the payout addresses {@code session} mined for (once per session) and closes it. */
    void ban(StratumSession session, WorkerName worker) {
        if (!session.markBanned()) {
            return;
        }
        metrics.banned();
        Set<String> addresses = new java.util.TreeSet<>();
        if (worker != null) {
            addresses.add(worker.address());
        }
        session.workers().forEach(w -> addresses.add(w.address()));
        boolean ipBanned = false;
        for (String address : addresses) {
            ipBanned |= bans.banWorker(session.ip(), address);
        }
        log.warn("banned {} for {} ({}): invalid share flood{}", session.ip(), settings.banDuration(), addresses,
                ipBanned ? "; the address is banned as a whole" : "");
        session.channel().close();
        if (ipBanned) {
            sessions.stream().filter(s -> s.ip().equals(session.ip())).forEach(s -> s.channel().close());
        }
    }

    private void broadcast(PoolJob job) {
        String line = StratumMessages.notify(job, job.clean());
        for (StratumSession session : sessions) {
            if (session.ready()) {
                session.sendJob(job, line);
            }
        }
    }

    void sendCurrentJob(StratumSession session) {
        jobs.current().ifPresent(job -> session.sendJob(job, StratumMessages.notify(job, true)));
    }

    /** Once a second: vardiff lowers the difficulty of connections that went quiet. */
    private void tick() {
        long now = System.nanoTime();
        for (StratumSession session : sessions) {
            if (!session.ready()) {
                continue;
            }
            long previous = session.vardiff().difficulty();
            if (session.vardiff().onTick(now).isPresent()) {
                session.difficultyChanged(previous);
            }
        }
    }

    public int localPort() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Connections held now. */
    public int connections() {
        return open.get();
    }

    StratumSettings settings() {
        return settings;
    }

    AddressHrp hrp() {
        return hrp;
    }

    BanList bans() {
        return bans;
    }

    StratumMetrics metrics() {
        return metrics;
    }

    ShareProcessor processor() {
        return processor;
    }

    ShareListener listener() {
        return listener;
    }

    @Override
    public void stop() {
        running = false;
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
        processor.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
