package io.numicoin.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.numicoin.p2p.identity.Libp2pPublicKey;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.multiaddr.MultiaddrException;
import io.numicoin.p2p.multistream.ListenerNegotiation;
import io.numicoin.p2p.multistream.MultistreamMessages;
import io.numicoin.p2p.multistream.Negotiation;
import io.numicoin.p2p.mux.yamux.YamuxConfig;
import io.numicoin.p2p.mux.yamux.YamuxException;
import io.numicoin.p2p.mux.yamux.YamuxHeader;
import io.numicoin.p2p.mux.yamux.YamuxSession;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.protobuf.ProtobufException;
import io.numicoin.p2p.protocols.identify.IdentifyMessage;
import io.numicoin.p2p.security.noise.NoiseHandshakePayload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Jazzer fuzz tests for the decoders that read bytes from the network before anyone is trusted.
 * Each input is either decoded (and, where the format is canonical, re-encodes to the same bytes)
 * or refused with the decoder's own exception; anything else is a finding.
 *
 * <p>Under plain {@code mvn test} (regression mode) each runs on the empty input and the committed
 * seeds in {@code src/test/resources/io/numicoin/p2p/WireDecoderFuzzTestInputs/<method>/}; to fuzz,
 * use {@code scripts/fuzz WireDecoderFuzzTest} (see {@code docs/fuzzing.md}).
 */
class WireDecoderFuzzTest {

    /** Multistream messages, then a whole listener negotiation on the same bytes. */
    @FuzzTest(maxDuration = "60s")
    void multistream(byte[] input) {
        ByteBuf buf = Unpooled.wrappedBuffer(input);
        try {
            String line;
            while ((line = MultistreamMessages.tryRead(buf)) != null) {
                byte[] again = MultistreamMessages.encode(line);
                assertThat(again.length).isLessThanOrEqualTo(MultistreamMessages.MAX_MESSAGE + 2);
            }
        } catch (ProtobufException refused) {
            // refused: fine
        }
        ByteBuf out = Unpooled.buffer();
        new ListenerNegotiation(p -> p.value().startsWith("/a"), new Negotiation.Output() {
            @Override
            public void send(byte[] message) {
                out.writeBytes(message);
                assertThat(out.readableBytes()).isLessThan(64 * 1024);
            }

            @Override
            public void selected(ProtocolId protocol) {
                assertThat(protocol.value()).startsWith("/a");
            }

            @Override
            public void failed(Negotiation.Failure failure, String detail) {
                assertThat(detail).isNotNull();
            }
        }).onData(Unpooled.wrappedBuffer(input));
    }

    /** Yamux headers re-encode exactly; a whole session fed the bytes never throws. */
    @FuzzTest(maxDuration = "60s")
    void yamux(byte[] input) {
        ByteBuf buf = Unpooled.wrappedBuffer(input);
        try {
            YamuxHeader h;
            while ((h = YamuxHeader.tryRead(buf)) != null) {
                ByteBuf again = Unpooled.buffer();
                h.write(again);
                byte[] written = new byte[YamuxHeader.SIZE];
                again.readBytes(written);
                assertThat(written).isEqualTo(Arrays.copyOfRange(input, buf.readerIndex() - YamuxHeader.SIZE, buf.readerIndex()));
                if (h.type() == YamuxHeader.TYPE_DATA) {
                    buf.skipBytes((int) Math.min(h.length(), buf.readableBytes()));
                }
            }
        } catch (YamuxException refused) {
            // refused: fine
        }
        for (boolean client : new boolean[] {true, false}) {
            EmbeddedChannel channel = new EmbeddedChannel(new YamuxSession(client,
                    new YamuxConfig(8, Duration.ZERO, 1 << 16, 1 << 20, 2 << 20, Duration.ofSeconds(30)), stream -> stream.setListener(new Sink())));
            channel.writeInbound(Unpooled.wrappedBuffer(input));
            channel.checkException();
            channel.finishAndReleaseAll();
        }
    }

    /** The protobuf messages read from peers: Noise payload, public key, identify. */
    @FuzzTest(maxDuration = "60s")
    void protobuf(byte[] input) {
        try {
            NoiseHandshakePayload p = NoiseHandshakePayload.decode(input);
            assertThat(NoiseHandshakePayload.decode(p.encode())).isEqualTo(p);
        } catch (ProtobufException refused) {
            // refused: fine
        }
        try {
            Libp2pPublicKey key = Libp2pPublicKey.decode(input);
            assertThat(Libp2pPublicKey.decode(key.encode())).isEqualTo(key);
        } catch (ProtobufException refused) {
            // refused: fine
        }
        try {
            IdentifyMessage m = IdentifyMessage.decode(input);
            IdentifyMessage again = IdentifyMessage.decode(m.encode());
            assertThat(again.agentVersion()).isEqualTo(m.agentVersion());
            assertThat(again.listenAddrs()).isEqualTo(m.listenAddrs());
            assertThat(again.protocols()).isEqualTo(m.protocols());
            assertThat(again.publicKey()).isEqualTo(m.publicKey());
        } catch (ProtobufException refused) {
            // refused: fine
        }
    }

    /** Binary multiaddrs re-encode exactly; text ones (the same bytes read as UTF-8) round-trip. */
    @FuzzTest(maxDuration = "60s")
    void multiaddr(byte[] input) {
        try {
            Multiaddr a = Multiaddr.fromBytes(input);
            assertThat(a.toBytes()).isEqualTo(input);
            assertThat(Multiaddr.parse(a.toString())).isEqualTo(a);
        } catch (MultiaddrException refused) {
            // refused: fine
        }
        try {
            Multiaddr a = Multiaddr.parse(new String(input, StandardCharsets.UTF_8));
            assertThat(Multiaddr.parse(a.toString())).isEqualTo(a);
            assertThat(Multiaddr.fromBytes(a.toBytes())).isEqualTo(a);
        } catch (MultiaddrException refused) {
            // refused: fine
        }
    }

    private static final class Sink implements io.numicoin.p2p.mux.yamux.YamuxStream.Listener {
        @Override
        public void onData(byte[] data) {
        }

        @Override
        public void onRemoteClosed() {
        }

        @Override
        public void onReset() {
        }
    }
}
