package io.numicoin.p2p.gossipsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.ControlMessage;
import io.numicoin.p2p.gossipsub.rpc.Message;
import io.numicoin.p2p.gossipsub.rpc.Rpc;
import io.numicoin.p2p.gossipsub.rpc.RpcCodec;
import io.numicoin.p2p.gossipsub.rpc.RpcLimits;
import io.numicoin.p2p.gossipsub.score.PeerScoreParams;
import io.numicoin.p2p.gossipsub.score.PeerScoreThresholds;
import io.numicoin.p2p.gossipsub.score.TopicScoreParams;
import io.numicoin.p2p.gossipsub.sim.RecordingValidator;
import io.numicoin.p2p.gossipsub.sim.SimNetwork;
import io.numicoin.p2p.gossipsub.sim.SimNode;
import io.numicoin.p2p.peer.PeerId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Backoff, graylisting and signature policies on the in-memory network. */
class GossipDefenceTest {

    private static final String TOPIC = "/numi/regtest/txs/1";

    private static GossipConfig config() {
        return GossipConfig.defaults(SignaturePolicy.STRICT_NO_SIGN)
                .withScoreParams(PeerScoreParams.defaults(Map.of(TOPIC, TopicScoreParams.defaults()), peer -> 0));
    }

    private static Blob data(String text) {
        return Blob.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private record GraftLog(List<String> entries) {
    }

    @Test
    void pruneBackoffKeepsBothSidesFromRegraftingUntilItExpires() {
        SimNetwork network = new SimNetwork(21, new RpcCodec(RpcLimits.DEFAULT));
        SimNode a = network.addNode(config());
        SimNode b = network.addNode(config());
        network.connect(a, b);
        a.router().subscribe(TOPIC, RecordingValidator.accepting(network));
        b.router().subscribe(TOPIC, RecordingValidator.accepting(network));
        network.runFor(Duration.ofSeconds(3));
        assertThat(a.router().meshPeers(TOPIC)).containsExactly(b.id);

        List<Long> grafts = new ArrayList<>();
        network.tap((from, to, rpc) -> {
            if (!rpc.control().graft().isEmpty()) {
                grafts.add(network.clock().millis());
            }
        });
        long pruneAt = network.clock().millis();
        b.router().unsubscribe(TOPIC);
        b.router().subscribe(TOPIC, RecordingValidator.accepting(network));
        network.runFor(Duration.ofMillis(100));
        assertThat(a.router().meshPeers(TOPIC)).isEmpty();
        assertThat(b.router().meshPeers(TOPIC)).isEmpty();

        long unsubscribeBackoff = GossipParams.defaults().unsubscribeBackoff().toMillis();
        network.runFor(Duration.ofMillis(unsubscribeBackoff - 200));
        assertThat(grafts).as("no GRAFT inside the backoff").isEmpty();
        assertThat(a.router().meshPeers(TOPIC)).isEmpty();

        network.runFor(Duration.ofSeconds(5));
        assertThat(a.router().meshPeers(TOPIC)).containsExactly(b.id);
        assertThat(b.router().meshPeers(TOPIC)).containsExactly(a.id);
        assertThat(grafts).isNotEmpty().allSatisfy(at -> assertThat(at).isGreaterThanOrEqualTo(pruneAt + unsubscribeBackoff));
    }

    @Test
    void graftInsideTheBackoffIsPrunedAndPenalised() {
        SimNetwork network = new SimNetwork(22, new RpcCodec(RpcLimits.DEFAULT));
        SimNode a = network.addNode(config());
        SimNode b = network.addNode(config());
        network.connect(a, b);
        a.router().subscribe(TOPIC, RecordingValidator.accepting(network));
        b.router().subscribe(TOPIC, RecordingValidator.accepting(network));
        network.runFor(Duration.ofSeconds(3));
        b.router().unsubscribe(TOPIC);
        b.router().subscribe(TOPIC, RecordingValidator.accepting(network));
        network.runFor(Duration.ofMillis(100));

        List<ControlMessage.Prune> prunesToA = new ArrayList<>();
        network.tap((from, to, rpc) -> {
            if (from.equals(b.id) && to.equals(a.id)) {
                prunesToA.addAll(rpc.control().prune());
            }
        });
        Rpc graft = Rpc.ofControl(new ControlMessage(List.of(), List.of(), List.of(new ControlMessage.Graft(TOPIC)), List.of()));
        network.inject(a.id, b, graft);
        network.inject(a.id, b, graft);
        network.runFor(Duration.ofMillis(100));
        assertThat(b.router().meshPeers(TOPIC)).doesNotContain(a.id);
        assertThat(prunesToA).hasSize(2).allSatisfy(p -> {
            assertThat(p.topic()).isEqualTo(TOPIC);
            assertThat(p.backoffSeconds()).hasValue(GossipParams.defaults().pruneBackoff().toSeconds());
        });
        // 1st GRAFT: one penalty (the 10 s unsubscribe backoff leaves no flood window) and a 60 s backoff;
        // 2nd GRAFT: within 10 s of that backoff's start, a flood: two more. 3 - threshold 2 = 1, squared, x -1.
        assertThat(b.router().score(a.id)).isEqualTo(-1.0);
        network.inject(a.id, b, graft);
        network.runFor(Duration.ofMillis(100));
        assertThat(b.router().score(a.id)).isEqualTo(-9.0);
    }

    @Test
    void aPeerSendingInvalidMessagesIsGraylistedAndThenIgnored() {
        SimNetwork network = new SimNetwork(23, new RpcCodec(RpcLimits.DEFAULT));
        List<SimNode> nodes = new ArrayList<>();
        Map<SimNode, RecordingValidator> validators = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            nodes.add(network.addNode(config()));
        }
        network.connectRandomly(3);
        for (SimNode node : nodes) {
            RecordingValidator validator = new RecordingValidator(network, 0, m ->
                    m.data().byteAt(0) == 'b' ? ValidationResult.REJECT : ValidationResult.ACCEPT);
            validators.put(node, validator);
            node.router().subscribe(TOPIC, validator);
        }
        network.runFor(Duration.ofSeconds(3));
        SimNode attacker = nodes.getFirst();
        Set<PeerId> neighbours = attacker.router().peers();

        Blob before = attacker.router().publish(TOPIC, data("good before")).messageId();
        network.runFor(Duration.ofSeconds(2));
        nodes.stream().skip(1).forEach(n -> assertThat(validators.get(n).ids()).contains(before));

        for (int i = 0; i < 5; i++) {
            attacker.router().publish(TOPIC, data("bad " + i));
        }
        network.runFor(Duration.ofSeconds(1));
        double graylist = PeerScoreThresholds.DEFAULT.graylistThreshold();
        for (SimNode node : nodes) {
            if (neighbours.contains(node.id)) {
                assertThat(node.router().score(attacker.id)).as("score at %s", node).isLessThan(graylist);
            }
            assertThat(validators.get(node).seen()).filteredOn(m -> m.data().byteAt(0) == 'b')
                    .as("bad messages are not forwarded past the first hop")
                    .allSatisfy(m -> assertThat(m.propagationSource()).isEqualTo(attacker.id));
        }

        Blob after = attacker.router().publish(TOPIC, data("good after")).messageId();
        network.runFor(Duration.ofSeconds(5));
        for (SimNode node : nodes) {
            assertThat(validators.get(node).ids()).as("graylisted: nobody hears %s", after).doesNotContain(after);
        }
    }

    @Test
    void strictNoSignRejectsStampedMessages() {
        SimNetwork network = new SimNetwork(24, new RpcCodec(RpcLimits.DEFAULT));
        SimNode a = network.addNode(config());
        SimNode b = network.addNode(config());
        network.connect(a, b);
        RecordingValidator atB = RecordingValidator.accepting(network);
        b.router().subscribe(TOPIC, atB);
        network.runFor(Duration.ofSeconds(2));
        Message stamped = new Message(Blob.of(a.id.toBytes()), data("x"), Blob.ofHex("0000000000000001"), TOPIC, null, null);
        network.inject(a.id, b, Rpc.ofMessages(List.of(stamped)));
        network.runFor(Duration.ofMillis(100));
        assertThat(atB.count()).isZero();
        assertThat(b.router().score(a.id)).isEqualTo(-5.0);
    }
}
