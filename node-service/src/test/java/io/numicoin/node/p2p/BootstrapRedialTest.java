package io.numicoin.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BootstrapRedialTest {

    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

    private static PeerId peer(int seed) {
        byte[] key = new byte[32];
        key[0] = (byte) seed;
        return PeerId.fromEd25519PublicKey(key);
    }

    private static Multiaddr address(int port, PeerId peer) {
        return Multiaddr.parse("/ip4/127.0.0.1/tcp/" + port).withPeerId(peer);
    }

    private final PeerId a = peer(1);
    private final PeerId b = peer(2);
    private final PeerId other = peer(3);
    private final Multiaddr toA = address(8333, a);
    private final Multiaddr toB = address(8334, b);
    private final Multiaddr anonymous = Multiaddr.parse("/ip4/127.0.0.1/tcp/8335");
    private final BootstrapRedial redial = new BootstrapRedial(List.of(toA, toB, anonymous), Duration.ofSeconds(60));

    @Test
    void aloneDialsEveryBootstrapAddressEachRound() {
        assertThat(redial.due(Set.of(), T0)).containsExactly(toA, toB, anonymous);
        assertThat(redial.due(Set.of(), T0.plusSeconds(5))).containsExactly(toA, toB, anonymous);
    }

    @Test
    void withOtherPeersABootstrapPeerNotConnectedIsDialledOncePerInterval() {
        // the node's neighbours came up first: it is connected, but not to bootstrap peer a or b
        assertThat(redial.due(Set.of(other), T0)).containsExactly(toA, toB);
        assertThat(redial.due(Set.of(other), T0.plusSeconds(59))).isEmpty();
        assertThat(redial.due(Set.of(other), T0.plusSeconds(60))).containsExactly(toA, toB);
    }

    @Test
    void aConnectedBootstrapPeerAndAnAddressWithoutPeerIdAreNotDialledWhileConnected() {
        assertThat(redial.due(Set.of(a), T0)).containsExactly(toB);
        assertThat(redial.due(Set.of(a, b), T0.plusSeconds(120))).isEmpty();
    }

    @Test
    void anAttemptWhileAloneCountsForTheInterval() {
        redial.due(Set.of(), T0);
        assertThat(redial.due(Set.of(other), T0.plusSeconds(10))).isEmpty();
        assertThat(redial.due(Set.of(other), T0.plusSeconds(60))).containsExactly(toA, toB);
    }
}
