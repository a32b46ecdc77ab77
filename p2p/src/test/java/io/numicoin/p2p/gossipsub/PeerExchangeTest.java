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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** PX: an over-full peer prunes with peer exchange; only receivers that score it above acceptPX take the hint. */
class PeerExchangeTest {

    private static final String TOPIC = "px";

    @Test
    void peerExchangeReachesOnlyPeersThatTrustThePruner() {
        SimNetwork network = new SimNetwork(51, new RpcCodec(RpcLimits.DEFAULT));
        AtomicReference<PeerId> bootstrapper = new AtomicReference<>();
        GossipConfig base = GossipConfig.defaults(SignaturePolicy.STRICT_NO_SIGN);
        GossipConfig pxConfig = base.withParams(base.params().toBuilder()
                .degree(2, 1, 3).dScore(1).dOut(0).peerExchange(true, 16).build());
        SimNode hub = network.addNode(pxConfig);
        bootstrapper.set(hub.id);
        Map<SimNode, List<List<PeerId>>> hints = new HashMap<>();
        List<SimNode> trusting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            boolean trusts = i % 2 == 0;
            GossipConfig config = base.withScoreParams(PeerScoreParams.defaults(Map.of(TOPIC, TopicScoreParams.defaults()),
                    peer -> trusts && peer.equals(bootstrapper.get()) ? 200 : 0));
            List<List<PeerId>> received = new ArrayList<>();
            SimNode node = network.addNode(config, new GossipListener() {
                @Override
                public void peerExchange(PeerId from, String topic, List<PeerId> peers) {
                    assertThat(from).isEqualTo(hub.id);
                    assertThat(topic).isEqualTo(TOPIC);
                    received.add(peers);
                }
            });
            hints.put(node, received);
            if (trusts) {
                trusting.add(node);
            }
            network.connect(node, hub);
        }
        network.nodes().forEach(n -> n.router().subscribe(TOPIC, RecordingValidator.accepting(network)));
        network.runFor(Duration.ofSeconds(5));

        Set<PeerId> hubPeers = hub.router().peers();
        int trustingWithHints = 0;
        for (Map.Entry<SimNode, List<List<PeerId>>> entry : hints.entrySet()) {
            if (!trusting.contains(entry.getKey())) {
                assertThat(entry.getValue()).as("PX from an untrusted pruner is ignored").isEmpty();
                continue;
            }
            for (List<PeerId> peers : entry.getValue()) {
                assertThat(peers).isNotEmpty().doesNotContain(entry.getKey().id, hub.id);
                assertThat(hubPeers).containsAll(peers);
            }
            trustingWithHints += entry.getValue().isEmpty() ? 0 : 1;
        }
        assertThat(trustingWithHints).isPositive();
    }
}
