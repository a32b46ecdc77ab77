package io.numicoin.node.p2p.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two mDNS participants on this machine find each other over real multicast (224.0.0.251:5353).
 * Skipped with an assumption message where the machine delivers no multicast (the codec and
 * responder are covered by MdnsCodecTest either way).
 */
class MdnsDiscoveryIT {

    @Test
    void twoParticipantsHearEachOther() throws Exception {
        PeerId a = NodeIdentity.generate().peerId();
        PeerId b = NodeIdentity.generate().peerId();
        Multiaddr aListen = Multiaddr.parse("/ip4/127.0.0.1/tcp/41001");
        Multiaddr bListen = Multiaddr.parse("/ip4/127.0.0.1/tcp/41002");
        List<Multiaddr> heardByA = new CopyOnWriteArrayList<>();
        List<Multiaddr> heardByB = new CopyOnWriteArrayList<>();
        try (MdnsDiscovery ma = new MdnsDiscovery(a, () -> List.of(aListen), Duration.ofMillis(300), new Random(1));
             MdnsDiscovery mb = new MdnsDiscovery(b, () -> List.of(bListen), Duration.ofMillis(300), new Random(2))) {
            ma.start(heardByA::addAll);
            mb.start(heardByB::addAll);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while ((heardByA.isEmpty() || heardByB.isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Assumptions.assumeTrue(!heardByA.isEmpty() || !heardByB.isEmpty(), "no multicast delivered on this machine");
            assertThat(heardByA).contains(bListen.withPeerId(b)).doesNotContain(aListen.withPeerId(a));
            assertThat(heardByB).contains(aListen.withPeerId(a)).doesNotContain(bListen.withPeerId(b));
        }
    }
}
