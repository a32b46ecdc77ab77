package io.numicoin.network.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeerExchangeCodecTest {

    @Test
    void roundTripsAndGoldenBytes() throws Exception {
        assertThat(PeerExchangeCodec.encodeRequest(32)).containsExactly(32);
        assertThat(PeerExchangeCodec.decodeRequest(new byte[] {64})).isEqualTo(64);
        Random random = new Random(7);
        List<Multiaddr> addresses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            addresses.add(Multiaddr.parse("/ip4/10." + random.nextInt(256) + ".0.1/tcp/" + (1 + random.nextInt(65535)))
                    .withPeerId(NodeIdentity.generate().peerId()));
        }
        byte[] encoded = PeerExchangeCodec.encodeResponse(addresses);
        // each entry: 1-byte length, ip4 (1+4), tcp (1+2), p2p (2 + 1 + 38-byte identity multihash)
        assertThat(encoded).hasSize(20 * (1 + 5 + 3 + 41));
        assertThat(PeerExchangeCodec.decodeResponse(encoded, 20)).isEqualTo(addresses);
        assertThat(PeerExchangeCodec.decodeResponse(new byte[0], 5)).isEmpty();
    }

    @Test
    void refusesBadMessages() {
        Multiaddr bare = Multiaddr.parse("/ip4/10.0.0.1/tcp/1");
        Multiaddr full = bare.withPeerId(NodeIdentity.generate().peerId());
        assertThatThrownBy(() -> PeerExchangeCodec.decodeRequest(new byte[] {0})).isInstanceOf(PeerExchangeException.class);
        assertThatThrownBy(() -> PeerExchangeCodec.decodeRequest(new byte[] {65})).isInstanceOf(PeerExchangeException.class);
        assertThatThrownBy(() -> PeerExchangeCodec.decodeRequest(new byte[] {1, 1})).isInstanceOf(PeerExchangeException.class);
        assertThatThrownBy(() -> PeerExchangeCodec.decodeResponse(PeerExchangeCodec.encodeResponse(List.of(bare)), 5))
                .hasMessageContaining("without /p2p/");
        assertThatThrownBy(() -> PeerExchangeCodec.decodeResponse(PeerExchangeCodec.encodeResponse(List.of(full, full)), 1))
                .hasMessageContaining("more than");
        byte[] truncated = PeerExchangeCodec.encodeResponse(List.of(full));
        assertThatThrownBy(() -> PeerExchangeCodec.decodeResponse(java.util.Arrays.copyOf(truncated, truncated.length - 1), 5))
                .hasMessageContaining("past the end");
        assertThatThrownBy(() -> PeerExchangeCodec.decodeResponse(new byte[] {3, 1, 2, 3}, 5)).isInstanceOf(PeerExchangeException.class);
    }
}
