package io.numicoin.p2p.gossipsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.Message;
import io.numicoin.p2p.gossipsub.rpc.Rpc;
import io.numicoin.p2p.gossipsub.rpc.RpcCodec;
import io.numicoin.p2p.gossipsub.rpc.RpcLimits;
import io.numicoin.p2p.gossipsub.score.PeerScoreParams;
import io.numicoin.p2p.gossipsub.score.TopicScoreParams;
import io.numicoin.p2p.gossipsub.sim.RecordingValidator;
import io.numicoin.p2p.gossipsub.sim.SimNetwork;
import io.numicoin.p2p.gossipsub.sim.SimNode;
import io.numicoin.p2p.peer.PeerId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole-protocol behaviour on a seeded in-memory network of 20 routers. */
class GossipNetworkTest {

    private static final String TOPIC = "/numi/regtest/blocks/1";
    private static final int NODES = 20;

    private final Map<SimNode, RecordingValidator> validators = new HashMap<>();

    private static GossipConfig config(boolean floodPublish) {
        GossipConfig base = GossipConfig.defaults(SignaturePolicy.STRICT_NO_SIGN);
        return base.withParams(base.params().toBuilder().floodPublish(floodPublish).build())
                .withScoreParams(PeerScoreParams.defaults(Map.of(TOPIC, TopicScoreParams.defaults()), peer -> 0));
    }

    private SimNetwork network(long seed, GossipConfig config, int degree) {
        SimNetwork network = new SimNetwork(seed, new RpcCodec(RpcLimits.DEFAULT));
        for (int i = 0; i < NODES; i++) {
            network.addNode(config);
        }
        network.connectRandomly(degree);
        for (SimNode node : network.nodes()) {
            RecordingValidator validator = RecordingValidator.accepting(network);
            validators.put(node, validator);
            node.router().subscribe(TOPIC, validator);
        }
        return network;
    }

    private static Blob data(String text) {
        return Blob.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "floodPublish={0}")
    @ValueSource(booleans = {true, false})
    void everyMessageReachesEverySubscriberExactlyOnce(boolean floodPublish) {
        SimNetwork network = network(42, config(floodPublish), 3);
        network.runFor(Duration.ofSeconds(5));
        List<SimNode> nodes = network.nodes();
        Map<Blob, SimNode> published = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            SimNode publisher = nodes.get(network.random().nextInt(NODES));
            PublishResult result = publisher.router().publish(TOPIC, data("block " + i));
            assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.PUBLISHED);
            assertThat(result.peers()).isPositive();
            published.put(result.messageId(), publisher);
            network.runFor(Duration.ofMillis(100));
        }
        network.runFor(Duration.ofSeconds(5));
        for (SimNode node : nodes) {
            Set<Blob> expected = new HashSet<>();
            published.forEach((id, publisher) -> {
                if (publisher != node) {
                    expected.add(id);
                }
            });
            List<Blob> received = validators.get(node).ids();
            assertThat(received).as("validated by %s", node).hasSize(expected.size());
            assertThat(new HashSet<>(received)).isEqualTo(expected);
        }
    }

    @Test
    void meshDegreesSettleWithinBoundsAndAreSymmetric() {
        SimNetwork network = network(7, config(true), 6);
        GossipParams params = GossipParams.defaults();
        for (int round = 0; round < 6; round++) {
            network.runFor(Duration.ofSeconds(10));
            network.heartbeats(false);
            network.runFor(Duration.ofMillis(200)); // let GRAFTs and PRUNEs in flight land
            for (SimNode node : network.nodes()) {
                Set<PeerId> mesh = node.router().meshPeers(TOPIC);
                assertThat(mesh.size()).as("mesh of %s", node).isBetween(params.dLo(), params.dHi());
                for (PeerId peer : mesh) {
                    SimNode other = network.nodes().stream().filter(n -> n.id.equals(peer)).findFirst().orElseThrow();
                    assertThat(other.router().meshPeers(TOPIC)).as("%s in mesh of %s", node, other).contains(node.id);
                }
            }
            network.heartbeats(true);
        }
    }

    @Test
    void gossipRecoversMessagesDroppedOnMeshLinks() {
        SimNetwork network = network(11, config(false), 4);
        SimNode target = network.nodes().get(3);
        List<SimNode> nodes = network.nodes();
        // more neighbours than D_hi, so some of them are outside the target's mesh and gossip to it
        nodes.forEach(node -> network.connect(target, node));
        network.runFor(Duration.ofSeconds(5));
        assertThat(target.router().meshPeers(TOPIC).size()).isLessThan(NODES - 1);
        AtomicInteger iwantsFromTarget = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        network.filter((from, to, rpc) -> {
            if (!to.equals(target.id) || rpc.publish().isEmpty()) {
                return rpc;
            }
            SimNode sender = nodes.stream().filter(n -> n.id.equals(from)).findFirst().orElseThrow();
            boolean meshLink = sender.router().meshPeers(TOPIC).contains(target.id);
            if (!meshLink) {
                return rpc;
            }
            dropped.addAndGet(rpc.publish().size());
            return new Rpc(rpc.subscriptions(), List.of(), rpc.control());
        });
        network.tap((from, to, rpc) -> {
            if (from.equals(target.id) && !rpc.control().iwant().isEmpty()) {
                iwantsFromTarget.incrementAndGet();
            }
        });
        List<Blob> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SimNode publisher = nodes.get(i == 3 ? 4 : i);
            ids.add(publisher.router().publish(TOPIC, data("tx " + i)).messageId());
        }
        network.runFor(Duration.ofSeconds(4));
        assertThat(dropped.get()).as("copies dropped on mesh links").isGreaterThanOrEqualTo(ids.size());
        assertThat(validators.get(target).ids()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(iwantsFromTarget.get()).isPositive();
    }

    @Test
    void duplicatesAreValidatedAndForwardedOnce() {
        SimNetwork network = network(5, config(false), 4);
        network.runFor(Duration.ofSeconds(5));
        SimNode target = network.nodes().get(0);
        SimNode sender = network.nodes().stream()
                .filter(n -> target.router().peers().contains(n.id)).findFirst().orElseThrow();
        Message message = Message.unsigned(TOPIC, data("the same block"));
        Map<PeerId, Integer> forwardedByTarget = new HashMap<>();
        network.tap((from, to, rpc) -> {
            if (from.equals(target.id)) {
                forwardedByTarget.merge(to, rpc.publish().size(), Integer::sum);
            }
        });
        for (int i = 0; i < 100; i++) {
            network.inject(sender.id, target, Rpc.ofMessages(List.of(message, message)));
        }
        network.runFor(Duration.ofMillis(50));
        assertThat(validators.get(target).count()).isEqualTo(1);
        Set<PeerId> mesh = target.router().meshPeers(TOPIC);
        for (PeerId peer : mesh) {
            if (!peer.equals(sender.id)) {
                assertThat(forwardedByTarget.getOrDefault(peer, 0)).as("copies to %s", peer).isEqualTo(1);
            }
        }
        assertThat(forwardedByTarget.getOrDefault(sender.id, 0)).isZero();
        assertThat(target.router().hasSeen(MessageIdFunction.sha256OfData().id(message))).isTrue();
    }

    @Test
    void asynchronousVerdictsGateForwarding() {
        SimNetwork network = new SimNetwork(3, new RpcCodec(RpcLimits.DEFAULT));
        GossipConfig config = config(false);
        SimNode a = network.addNode(config);
        SimNode b = network.addNode(config);
        SimNode c = network.addNode(config);
        network.connect(a, b);
        network.connect(b, c);
        RecordingValidator slowB = new RecordingValidator(network, 1_000,
                m -> m.data().byteAt(0) == 'x' ? ValidationResult.REJECT : ValidationResult.ACCEPT);
        RecordingValidator atC = RecordingValidator.accepting(network);
        a.router().subscribe(TOPIC, RecordingValidator.accepting(network));
        b.router().subscribe(TOPIC, slowB);
        c.router().subscribe(TOPIC, atC);
        network.runFor(Duration.ofSeconds(2));
        a.router().publish(TOPIC, data("good"));
        a.router().publish(TOPIC, data("xbad"));
        network.runFor(Duration.ofMillis(500));
        assertThat(slowB.count()).isEqualTo(2);
        assertThat(b.router().pendingValidations()).isEqualTo(2);
        assertThat(atC.count()).isZero();
        network.runFor(Duration.ofMillis(700));
        assertThat(atC.seen()).extracting(m -> new String(m.data().toArray(), StandardCharsets.UTF_8))
                .containsExactly("good");
        assertThat(b.router().score(a.id)).isLessThan(0);
    }

    @Test
    void fanoutCarriesOwnMessagesToATopicWeDoNotJoinAndExpires() {
        SimNetwork network = new SimNetwork(9, new RpcCodec(RpcLimits.DEFAULT));
        GossipConfig config = config(false);
        SimNode publisher = network.addNode(config);
        List<SimNode> subscribers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            SimNode node = network.addNode(config);
            RecordingValidator validator = RecordingValidator.accepting(network);
            validators.put(node, validator);
            node.router().subscribe(TOPIC, validator);
            subscribers.add(node);
        }
        subscribers.forEach(s -> network.connect(publisher, s));
        network.connectRandomly(3);
        network.runFor(Duration.ofSeconds(3));
        Blob id = publisher.router().publish(TOPIC, data("from outside")).messageId();
        assertThat(publisher.router().fanoutPeers(TOPIC)).hasSize(GossipParams.defaults().d());
        network.runFor(Duration.ofSeconds(3));
        subscribers.forEach(s -> assertThat(validators.get(s).ids()).containsExactly(id));
        network.runFor(Duration.ofSeconds(61));
        assertThat(publisher.router().fanoutPeers(TOPIC)).isEmpty();
    }
}
