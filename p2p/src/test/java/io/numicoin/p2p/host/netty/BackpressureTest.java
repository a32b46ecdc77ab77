package io.numicoin.p2p.host.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.host.Stream;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.mux.yamux.YamuxHeader;
import io.numicoin.p2p.protocols.ping.PingService;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import io.numicoin.p2p.protocols.reqresp.RequestResponseProtocol;
import io.numicoin.p2p.testing.RawClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Peers that push data and never read what they are sent, driven through our own stack (a client
 * host whose streams are paused, so it never returns window) or a raw socket: the server's queued
 * outbound bytes per connection stay under {@link HostConfig#maxQueuedBytesPerConnection()}, its
 * ping replies do not pile up, and a peer that never reads has its streams reset, then is disconnected.
 */
class BackpressureTest {

    private static final int CAP = HostConfig.defaults().maxQueuedBytesPerConnection();
    private static final Duration STALL = Duration.ofSeconds(2);

    private final List<NettyHost> hosts = new ArrayList<>();

    @AfterEach
    void close() {
        hosts.forEach(NettyHost::close);
    }

    private NettyHost host(HostConfig config) {
        NettyHost host = NettyHost.create(NodeIdentity.generate(), config);
        hosts.add(host);
        return host;
    }

    private static Multiaddr listening(NettyHost host) throws Exception {
        return host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS).withPeerId(host.peerId());
    }

    @Test
    void sixtyFourMebibytesIntoAPingStreamWithoutWindowUpdatesQueueAtMostOneReply() throws Exception {
        NettyHost server = host(HostConfig.defaults().withBackpressure(CAP, STALL));
        NettyHost attacker = host(HostConfig.defaults());
        Connection connection = attacker.dial(listening(server)).get(5, TimeUnit.SECONDS);
        Stream stream = connection.newStream(PingService.PROTOCOL).get(5, TimeUnit.SECONDS);
        stream.pauseReading(); // never reads the echo: the server's send window is never returned

        long target = 64L << 20;
        byte[] chunk = new byte[1 << 20];
        AtomicLong pushed = new AtomicLong();
        AtomicReference<Throwable> stopped = new AtomicReference<>();
        push(stream, chunk, target, pushed, stopped);

        await().atMost(Duration.ofSeconds(90)).until(() -> stopped.get() != null || pushed.get() >= target);
        assertThat(stopped.get()).as("the server reset the stream of a peer that never reads").isNotNull();
        assertThat(pushed.get()).isLessThan(target);
        // one echo reply at a time: the server held no more than a reply and the window it granted
        assertThat(server.peakQueuedOutboundBytes()).isLessThan(HostConfig.defaults().streamHighWaterMark());
        // the connection itself still works
        assertThat(attacker.ping().ping(connection).get(10, TimeUnit.SECONDS)).isPositive();
    }

    /** Writes {@code chunk} again each time the last write has left, until {@code target} or a failure. */
    private static void push(Stream stream, byte[] chunk, long target, AtomicLong pushed, AtomicReference<Throwable> stopped) {
        stream.write(chunk).whenComplete((v, e) -> {
            if (e != null) {
                stopped.set(e);
            } else if (pushed.addAndGet(chunk.length) < target) {
                push(stream, chunk, target, pushed, stopped);
            }
        });
    }

    @Test
    void twoHundredFiftySixUnreadRequestsStayUnderTheCapThenThePeerIsDisconnected() throws Exception {
        RequestResponseProtocol big = new RequestResponseProtocol(ProtocolId.of("/test/big/1"), 64, 2 << 20, Duration.ofSeconds(60));
        // a stall timeout long enough for all 256 requests to arrive first: the cap is what holds them
        NettyHost server = host(HostConfig.defaults().withMaxStreamsPerConnection(512).withBackpressure(CAP, Duration.ofSeconds(10)));
        AtomicInteger served = new AtomicInteger();
        byte[] response = new byte[1 << 20];
        RequestResponse.serve(server, big, (peer, request) -> {
            served.incrementAndGet();
            return CompletableFuture.completedFuture(response);
        });
        NettyHost attacker = host(HostConfig.defaults().withMaxStreamsPerConnection(512));
        Connection connection = attacker.dial(listening(server)).get(5, TimeUnit.SECONDS);

        List<CompletableFuture<Stream>> requests = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            byte[] request = {(byte) i};
            requests.add(connection.newStream(big.id()).whenComplete((s, e) -> {
                if (s != null) {
                    s.pauseReading(); // requests a block and never reads it
                    s.writeFrame(request);
                    s.closeWrite();
                }
            }));
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> !connection.isOpen());
        assertThat(requests).allMatch(CompletableFuture::isDone);
        assertThat(server.peakQueuedOutboundBytes()).isPositive().isLessThanOrEqualTo(CAP);
        assertThat(served.get()).as("requests refused unserved once half the cap was queued").isLessThan(256);
        assertThat(server.connections()).isEmpty();
    }

    @Test
    void aYamuxPingFloodFromAPeerThatNeverReadsQueuesNoReplies() throws Exception {
        int cap = 2 << 20;
        NettyHost server = host(HostConfig.defaults().withBackpressure(cap, Duration.ofSeconds(60)));
        Multiaddr address = listening(server);
        try (RawClient raw = RawClient.connect(address)) {
            raw.selectInTheClear("/noise");
            raw.handshake(NodeIdentity.generate());
            raw.selectEncrypted("/yamux/1.0.0");
            await().atMost(Duration.ofSeconds(5)).until(() -> server.connections().size() == 1);
            int perMessage = 65_000 / YamuxHeader.SIZE;
            ByteBuf pings = Unpooled.buffer(perMessage * YamuxHeader.SIZE);
            for (int i = 0; i < perMessage; i++) {
                new YamuxHeader(YamuxHeader.TYPE_PING, YamuxHeader.FLAG_SYN, 0, i).write(pings);
            }
            byte[] message = new byte[pings.readableBytes()];
            pings.readBytes(message);
            for (int sent = 0; sent < 1_000_000; sent += perMessage) {
                raw.sendEncrypted(message); // a million pings; the raw client reads nothing
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> server.queuedOutboundBytes() < 64 * 1024);
            assertThat(server.peakQueuedOutboundBytes()).isLessThanOrEqualTo(cap);
            assertThat(server.connections()).hasSize(1);
        }
    }

    @Test
    void streamsOpenedWithoutNegotiatingArePendingAtMostSixtyFourAtATime() throws Exception {
        // a negotiation timeout far away: any reset seen here comes from the cap on pending streams
        NettyHost server = host(HostConfig.defaults().withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60)));
        Multiaddr address = listening(server);
        try (RawClient raw = RawClient.connect(address)) {
            raw.selectInTheClear("/noise");
            raw.handshake(NodeIdentity.generate());
            raw.selectEncrypted("/yamux/1.0.0");
            ByteBuf syns = Unpooled.buffer();
            for (int i = 0; i < 200; i++) {
                new YamuxHeader(YamuxHeader.TYPE_WINDOW_UPDATE, YamuxHeader.FLAG_SYN, 2 * i + 1, 0).write(syns); // never negotiated
            }
            byte[] frames = new byte[syns.readableBytes()];
            syns.readBytes(frames);
            raw.sendEncrypted(frames);

            ByteBuf in = Unpooled.buffer();
            java.util.Set<Integer> reset = new java.util.HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (reset.size() < 200 - 64 && System.nanoTime() < deadline) {
                in.writeBytes(raw.readEncrypted());
                YamuxHeader h;
                while ((h = readFrame(in)) != null) {
                    if (h.has(YamuxHeader.FLAG_RST) && (h.streamId() & 1) == 1) {
                        reset.add(h.streamId());
                    }
                }
            }
            assertThat(reset).hasSize(200 - 64);
            assertThat(reset).allMatch(id -> id > 2 * 64); // the first 64 wait for their negotiation
        }
    }

    /** The next whole frame's header from {@code in} (its data skipped), or null. */
    private static YamuxHeader readFrame(ByteBuf in) throws Exception {
        in.markReaderIndex();
        YamuxHeader h = YamuxHeader.tryRead(in);
        if (h == null) {
            return null;
        }
        if (h.type() == YamuxHeader.TYPE_DATA) {
            if (in.readableBytes() < h.length()) {
                in.resetReaderIndex();
                return null;
            }
            in.skipBytes((int) h.length());
        }
        return h;
    }
}
