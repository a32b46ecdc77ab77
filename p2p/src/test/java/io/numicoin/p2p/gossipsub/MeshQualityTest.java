package io.numicoin.p2p.gossipsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.gossipsub.rpc.RpcCodec;
import io.numicoin.p2p.gossipsub.rpc.RpcLimits;
import io.numicoin.p2p.gossipsub.score.PeerScoreParams;
import io.numicoin.p2p.gossipsub.score.TopicScoreParams;
import io.numicoin.p2p.gossipsub.sim.RecordingValidator;
import io.numicoin.p2p.gossipsub.sim.SimNetwork;
import io.numicoin.p2p.gossipsub.sim.SimNode;
import io.numicoin.p2p.peer.PeerId;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Opportunistic grafting and the outbound mesh quota (gossipsub v1.1). */
class MeshQualityTest {

    private static final String TOPIC = "q";

    private static GossipConfig config(Set<PeerId> favoured, int opportunisticGraftTicks) {
        GossipConfig base = GossipConfig.defaults(SignaturePolicy.STRICT_NO_SIGN);
        return base.withParams(base.params().toBuilder().opportunisticGraftTicks(opportunisticGraftTicks).build())
                .withScoreParams(PeerScoreParams.defaults(Map.of(TOPIC, TopicScoreParams.defaults()),
                        peer -> favoured.contains(peer) ? 10 : 0));
    }

    /** Peers outside the centre's first mesh that it holds in its mesh after 61 s. */
    private static Set<PeerId> favouredInMeshAfterAMinute(int opportunisticGraftTicks) {
        SimNetwork network = new SimNetwork(41, new RpcCodec(RpcLimits.DEFAULT));
        Set<PeerId> favoured = new HashSet<>();
        SimNode centre = network.addNode(config(favoured, opportunisticGraftTicks));
        for (int i = 0; i < 14; i++) {
            network.addNode(config(Set.of(), 60));
        }
        List<SimNode> nodes = network.nodes();
        nodes.forEach(n -> network.connect(centre, n));
        network.connectRandomly(3);
        nodes.forEach(n -> n.router().subscribe(TOPIC, RecordingValidator.accepting(network)));
        network.runFor(Duration.ofSeconds(5));
        Set<PeerId> firstMesh = centre.router().meshPeers(TOPIC);
        centre.router().peers().stream().filter(p -> !firstMesh.contains(p)).forEach(favoured::add);
        assertThat(favoured).hasSizeGreaterThanOrEqualTo(2);
        network.runFor(Duration.ofSeconds(61));
        Set<PeerId> mesh = new HashSet<>(centre.router().meshPeers(TOPIC));
        mesh.retainAll(favoured);
        return mesh;
    }

    @Test
    void aMeshOfMediocrePeersGraftsBetterScoringOnes() {
        assertThat(favouredInMeshAfterAMinute(1_000_000)).as("without opportunistic grafting").isEmpty();
        assertThat(favouredInMeshAfterAMinute(60)).hasSize(GossipParams.defaults().opportunisticGraftPeers());
    }

    @Test
    void theMeshKeepsItsOutboundQuotaAgainstInboundGrafts() {
        SimNetwork network = new SimNetwork(43, new RpcCodec(RpcLimits.DEFAULT));
        GossipConfig config = config(Set.of(), 60);
        SimNode centre = network.addNode(config);
        for (int i = 0; i < 18; i++) {
            network.addNode(config);
        }
        List<SimNode> others = network.nodes().subList(1, 19);
        network.connect(centre, others.get(0));
        network.connect(centre, others.get(1));
        others.subList(2, 18).forEach(n -> network.connect(n, centre));
        for (int i = 0; i < others.size(); i++) {
            network.connect(others.get(i), others.get((i + 1) % others.size()));
        }
        network.nodes().forEach(n -> n.router().subscribe(TOPIC, RecordingValidator.accepting(network)));
        for (int round = 0; round < 5; round++) {
            network.runFor(Duration.ofSeconds(5));
            Set<PeerId> mesh = centre.router().meshPeers(TOPIC);
            assertThat(mesh).as("round %d", round).contains(others.get(0).id, others.get(1).id);
            assertThat(mesh.size()).isBetween(GossipParams.defaults().dLo(), GossipParams.defaults().dHi());
        }
    }
}
