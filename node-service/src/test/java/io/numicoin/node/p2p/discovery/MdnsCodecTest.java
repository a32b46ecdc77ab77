package io.numicoin.node.p2p.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The libp2p mDNS messages and the responder logic, with packets in memory. */
class MdnsCodecTest {

    private static final PeerId SELF = NodeIdentity.generate().peerId();
    private static final PeerId OTHER = NodeIdentity.generate().peerId();

    @Test
    void queryGoldenBytes() {
        assertThat(HexFormat.of().formatHex(MdnsCodec.query())).isEqualTo(
                "000000000001000000000000" + "045f703270045f756470056c6f63616c00" + "000c0001");
        assertThat(MdnsCodec.isPeerQuery(MdnsCodec.query())).isTrue();
    }

    @Test
    void responsesRoundTripAndTheResponderAnswersOnlyPeerQueries() throws Exception {
        Multiaddr listen = Multiaddr.parse("/ip4/192.168.1.20/tcp/8333");
        MdnsDiscovery responder = new MdnsDiscovery(SELF, () -> List.of(listen), java.time.Duration.ofSeconds(10), new Random(1));
        byte[] answer = responder.answer(MdnsCodec.query()).orElseThrow();
        assertThat(MdnsCodec.parseResponse(answer)).containsExactly(listen.withPeerId(SELF));
        assertThat(MdnsCodec.isPeerQuery(answer)).isFalse();
        assertThat(responder.answer(answer)).isEmpty();
        assertThat(responder.heard(answer)).isEmpty();               // our own announcement

        MdnsDiscovery listener = new MdnsDiscovery(OTHER, List::of, java.time.Duration.ofSeconds(10), new Random(2));
        assertThat(listener.heard(answer)).containsExactly(listen.withPeerId(SELF));
        assertThat(listener.heard(MdnsCodec.query())).isEmpty();

        byte[] other = MdnsCodec.response("x", List.of(Multiaddr.parse("/ip4/10.0.0.1/tcp/1").withPeerId(OTHER),
                Multiaddr.parse("/ip6/::1/tcp/2").withPeerId(OTHER)));
        assertThat(MdnsCodec.parseResponse(other)).hasSize(2);
    }

    @Test
    void aWildcardListenAddressIsAnnouncedPerInterface() {
        MdnsDiscovery d = new MdnsDiscovery(SELF, () -> List.of(Multiaddr.parse("/ip4/0.0.0.0/tcp/8333")),
                java.time.Duration.ofSeconds(10), new Random(3));
        assertThat(d.announced()).isNotEmpty().allSatisfy(a -> {
            assertThat(a.toString()).doesNotStartWith("/ip4/0.0.0.0").endsWith("/tcp/8333/p2p/" + SELF.toBase58());
        });
        assertThat(d.announced()).contains(Multiaddr.parse("/ip4/127.0.0.1/tcp/8333/p2p/" + SELF.toBase58()));
    }

    @Test
    void parsesCompressedNamesAsOtherImplementationsSendThem() throws Exception {
        // question _p2p._udp.local PTR; answer PTR with its name as a pointer to offset 12; TXT under
        // "abc" + pointer; strings: one not dnsaddr, one malformed, one good
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes(HexFormat.of().parseHex("0000840000010001000000010"
                .substring(0, 24)));
        p.writeBytes(HexFormat.of().parseHex("045f703270045f756470056c6f63616c00000c0001"));
        p.writeBytes(HexFormat.of().parseHex("c00c000c0001000000780006" + "03616263c00c"));
        p.writeBytes(HexFormat.of().parseHex("03616263c00c00100001000000780000".substring(0, 28)));
        String good = "dnsaddr=/ip4/10.1.2.3/tcp/4001/p2p/" + OTHER.toBase58();
        ByteArrayOutputStream txt = new ByteArrayOutputStream();
        for (String s : List.of("hello=1", "dnsaddr=/ip4/999.0.0.1/tcp/1", good)) {
            txt.write(s.length());
            txt.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        }
        p.write(txt.size() >> 8);
        p.write(txt.size());
        p.writeBytes(txt.toByteArray());
        assertThat(MdnsCodec.parseResponse(p.toByteArray())).containsExactly(Multiaddr.parse(good.substring(8)));
    }

    @Test
    void refusesMalformedPackets() {
        byte[] answer = MdnsCodec.response("peer", List.of(Multiaddr.parse("/ip4/10.0.0.1/tcp/1").withPeerId(OTHER)));
        assertThatThrownBy(() -> MdnsCodec.parseResponse(java.util.Arrays.copyOf(answer, answer.length - 3)))
                .isInstanceOf(MdnsException.class);
        assertThatThrownBy(() -> MdnsCodec.parseResponse(MdnsCodec.query())).hasMessageContaining("not a response");
        // a name pointer loop
        byte[] loop = HexFormat.of().parseHex("000084000000000100000000" + "c00c000c000100000078000100");
        assertThatThrownBy(() -> MdnsCodec.parseResponse(loop)).isInstanceOf(MdnsException.class);
        assertThat(MdnsCodec.isPeerQuery(new byte[] {1, 2, 3})).isFalse();
    }
}
