package io.numicoin.p2p.multiaddr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.p2p.peer.PeerId;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultiaddrTest {

    private static final String PEER = "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";

    @ParameterizedTest
    @CsvSource({
        // vectors from multiformats/multiaddr and go-multiaddr tests
        "/ip4/127.0.0.1/tcp/4001, 047f000001060fa1",
        "/ip4/1.2.3.4/udp/1234, 0401020304910204d2",
        "/ip6/::1/tcp/8080, 2900000000000000000000000000000001061f90",
        "/dns4/example.com/tcp/443, 360b6578616d706c652e636f6d0601bb",
        "/dnsaddr/bootstrap.libp2p.io, 3813626f6f7473747261702e6c69627032702e696f",
        "/dns6/localhost/tcp/1, 37096c6f63616c686f7374060001",
    })
    void textAndBinaryFormsMatchTheSpecVectors(String text, String hex) {
        Multiaddr parsed = Multiaddr.parse(text);
        assertThat(HexFormat.of().formatHex(parsed.toBytes())).isEqualTo(hex);
        assertThat(Multiaddr.fromBytes(HexFormat.of().parseHex(hex))).isEqualTo(parsed);
        assertThat(parsed.toString()).isEqualTo(text.replace("::1", "0:0:0:0:0:0:0:1"));
    }

    @Test
    void carriesAPeerId() {
        Multiaddr a = Multiaddr.parse("/ip4/10.0.0.1/tcp/9000/p2p/" + PEER);
        assertThat(a.peerId()).contains(PeerId.fromBase58(PEER));
        assertThat(a.withoutPeerId()).isEqualTo(Multiaddr.parse("/ip4/10.0.0.1/tcp/9000"));
        assertThat(a.withoutPeerId().withPeerId(PeerId.fromBase58(PEER))).isEqualTo(a);
        assertThat(Multiaddr.parse("/ip4/10.0.0.1/tcp/9000/ipfs/" + PEER)).isEqualTo(a);
        assertThat(Multiaddr.fromBytes(a.toBytes())).isEqualTo(a);
        assertThat(a.toTcpSocketAddress()).isEqualTo(new InetSocketAddress("10.0.0.1", 9000));
    }

    @Test
    void dnsAddressesStayUnresolved() {
        InetSocketAddress s = Multiaddr.parse("/dns4/seed.example.org/tcp/30333").toTcpSocketAddress();
        assertThat(s.isUnresolved()).isTrue();
        assertThat(s.getHostString()).isEqualTo("seed.example.org");
        assertThat(s.getPort()).isEqualTo(30333);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ip4/1.2.3.4", "/ip4/256.0.0.1", "/ip4/01.2.3.4", "/ip4/1.2.3", "/tcp/65536", "/tcp/-1",
        "/tcp", "/ip6/1.2.3.4", "/ip6/zz::1", "/dns4/bad name", "/p2p/notbase58!", "/quic/1", "/ip4/1.2.3.4//tcp/1"})
    void refusesMalformedText(String text) {
        assertThatThrownBy(() -> Multiaddr.parse(text)).isInstanceOf(MultiaddrException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "04", "047f0000", "7f", "0601", "3800", "38ff01", "a503", "a50300", "8000"})
    void refusesMalformedBinary(String hex) {
        assertThatThrownBy(() -> Multiaddr.fromBytes(HexFormat.of().parseHex(hex))).isInstanceOf(MultiaddrException.class);
    }

    @Test
    void boundsComponentsAndLength() {
        String many = "/tcp/1".repeat(Multiaddr.MAX_COMPONENTS + 1);
        assertThatThrownBy(() -> Multiaddr.parse(many)).isInstanceOf(MultiaddrException.class);
        assertThatThrownBy(() -> Multiaddr.fromBytes(new byte[Multiaddr.MAX_BYTES + 1])).isInstanceOf(MultiaddrException.class);
        assertThatThrownBy(() -> Multiaddr.parse("/dns4/" + "a".repeat(254))).isInstanceOf(MultiaddrException.class);
    }
}
