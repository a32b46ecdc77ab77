package io.numicoin.p2p.host.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.mux.yamux.YamuxHeader;
import io.numicoin.p2p.security.noise.NoiseXxHandshake;
import io.numicoin.p2p.testing.RawClient;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A host facing peers that send garbage or break limits: each such connection is closed, promptly
 * (well inside the 5 s handshake timeout unless the test waits for that timeout), and the host
 * keeps serving well-behaved peers.
 */
class HostRobustnessTest {

    private static final Duration PROMPTLY = Duration.ofMillis(2500);

    private NettyHost server;
    private Multiaddr address;
    private final Random random = new Random(1234);

    @BeforeEach
    void start() throws Exception {
        server = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)));
        address = server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        stillServesAWellBehavedPeer();
        server.close();
    }

    private void stillServesAWellBehavedPeer() throws Exception {
        try (NettyHost client = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults())) {
            var conn = client.dial(address.withPeerId(server.peerId())).get(5, TimeUnit.SECONDS);
            assertThat(client.ping().ping(conn).get(5, TimeUnit.SECONDS)).isPositive();
        }
    }

    @Test
    void garbageBeforeTheHandshakeIsClosed() throws Exception {
        try (RawClient raw = RawClient.connect(address)) {
            byte[] garbage = new byte[300];
            random.nextBytes(garbage);
            garbage[0] = 0x30; // a complete 48-byte "line" that does not end in a newline
            raw.sendRaw(garbage);
            assertThat(raw.closedByPeerWithin(PROMPTLY)).isTrue();
        }
    }

    @Test
    void anOverlongMultistreamLineIsClosed() throws Exception {
        try (RawClient raw = RawClient.connect(address)) {
            raw.sendRaw(new byte[] {(byte) 0x88, 0x27}); // 5000
            assertThat(raw.closedByPeerWithin(PROMPTLY)).isTrue();
        }
    }

    @Test
    void garbageInsteadOfTheThirdHandshakeMessageIsClosed() throws Exception {
        try (RawClient raw = RawClient.connect(address)) {
            raw.selectInTheClear("/noise");
            raw.handshakeUntilMessage2(NodeIdentity.generate());
            byte[] garbage = new byte[120];
            random.nextBytes(garbage);
            raw.sendNoiseFrame(garbage);
            assertThat(raw.closedByPeerWithin(PROMPTLY)).isTrue();
        }
    }

    @Test
    void garbageAfterTheHandshakeIsClosed() throws Exception {
        try (RawClient raw = RawClient.connect(address)) {
            raw.selectInTheClear("/noise");
            raw.handshake(NodeIdentity.generate());
            byte[] garbage = new byte[500];
            random.nextBytes(garbage);
            raw.sendNoiseFrame(garbage);
            assertThat(raw.closedByPeerWithin(PROMPTLY)).isTrue();
        }
        assertThat(server.connections()).isEmpty();
    }

    @Test
    void anUnknownMuxerIsRefusedAndTheUpgradeTimesOut() throws Exception {
        try (RawClient raw = RawClient.connect(address)) {
            raw.selectInTheClear("/noise");
            raw.handshake(NodeIdentity.generate());
            raw.sendEncrypted(io.numicoin.p2p.multistream.MultistreamMessages.encode("/multistream/1.0.0"));
            raw.sendEncrypted(io.numicoin.p2p.multistream.MultistreamMessages.encode("/mplex/6.7.0"));
            assertThat(raw.closedByPeerWithin(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void anOversizedYamuxFrameGetsGoAwayAndClose() throws Exception {
        try (RawClient raw = RawClient.connect(address)) {
            raw.selectInTheClear("/noise");
            raw.handshake(NodeIdentity.generate());
            raw.selectEncrypted("/yamux/1.0.0");
            ByteBuf frame = Unpooled.buffer();
            new YamuxHeader(YamuxHeader.TYPE_DATA, YamuxHeader.FLAG_SYN, 1, 1 << 20).write(frame);
            raw.sendEncrypted(java.util.Arrays.copyOf(frame.array(), frame.writerIndex()));
            YamuxHeader goAway = null;
            for (int i = 0; i < 4 && goAway == null; i++) {
                ByteBuf in = Unpooled.wrappedBuffer(raw.readEncrypted());
                while (in.readableBytes() >= YamuxHeader.SIZE) {
                    YamuxHeader h = YamuxHeader.tryRead(in);
                    if (h.type() == YamuxHeader.TYPE_GO_AWAY) {
                        goAway = h;
                    }
                }
            }
            assertThat(goAway).isNotNull();
            assertThat(goAway.length()).isEqualTo(YamuxHeader.GO_AWAY_PROTOCOL_ERROR);
            assertThat(raw.closedByPeerWithin(PROMPTLY)).isTrue();
        }
    }

    @Test
    void aPayloadForAnotherKeyCannotImpersonate() throws Exception {
        // A peer that completes message 3 with the handshake state of a different identity is still
        // authenticated as itself: the server sees the identity that signed its static key.
        try (RawClient raw = RawClient.connect(address)) {
            raw.selectInTheClear("/noise");
            NoiseXxHandshake h = raw.handshakeUntilMessage2(NodeIdentity.generate());
            byte[] m3 = h.writeMessage3();
            m3[m3.length - 1] ^= 1; // break the payload's tag
            raw.sendNoiseFrame(m3);
            assertThat(raw.closedByPeerWithin(PROMPTLY)).isTrue();
        }
    }

    @Test
    void aPeerThatIgnoresKeepAlivePingsIsClosed() throws Exception {
        try (NettyHost pinging = NettyHost.create(NodeIdentity.generate(),
                HostConfig.defaults().withKeepAliveInterval(Duration.ofMillis(200)));
                RawClient raw = RawClient.connect(pinging.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS))) {
            raw.selectInTheClear("/noise");
            raw.handshake(NodeIdentity.generate());
            raw.selectEncrypted("/yamux/1.0.0");
            // never answers: the first ping goes out after 200 ms, the next tick finds it unanswered
            assertThat(raw.closedByPeerWithin(PROMPTLY)).isTrue();
        }
    }
}
