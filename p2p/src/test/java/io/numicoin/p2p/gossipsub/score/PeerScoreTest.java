package io.numicoin.p2p.gossipsub.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.score.PeerScore.Rejection;
import io.numicoin.p2p.gossipsub.sim.SimClockAccess;
import io.numicoin.p2p.peer.PeerId;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerScoreTest {

    private static final String TOPIC = "t";
    private final SimClockAccess clock = new SimClockAccess();
    private final PeerId alice = peer(1);
    private final PeerId bob = peer(2);

    private static PeerId peer(int n) {
        byte[] key = new byte[32];
        key[0] = (byte) n;
        return PeerId.fromEd25519PublicKey(key);
    }

    private static TopicScoreParams topic() {
        return new TopicScoreParams(0.5,
                1, Duration.ofSeconds(1), 10,
                2, 0.5, 4,
                -1, 0.5, 3, 5, Duration.ofSeconds(2), Duration.ofMillis(10),
                -1, 0.5,
                -10, 0.5);
    }

    private PeerScore score(Map<PeerId, Double> app) {
        PeerScoreParams params = new PeerScoreParams(Map.of(TOPIC, topic()), 0, 2, p -> app.getOrDefault(p, 0.0),
                -3, 1, a -> false, -1, 1, 0.5, Duration.ofSeconds(1), 0.01, Duration.ofSeconds(30));
        return new PeerScore(params, clock);
    }

    private static InetAddress ip(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last});
    }

    @Test
    void timeInMeshIsCappedAndWeighted() throws Exception {
        PeerScore score = score(Map.of());
        score.addPeer(alice, ip(1));
        score.graft(alice, TOPIC);
        clock.advance(3_500);
        assertThat(score.score(alice)).isCloseTo(0.5 * 3.5, within(1e-9));
        clock.advance(60_000);
        // P1 capped at 10; P3 active (in mesh > 2 s) with 0 deliveries: deficit 3, squared, weight -1
        assertThat(score.score(alice)).isCloseTo(0.5 * 10, within(1e-9));
        score.refresh();
        assertThat(score.score(alice)).isCloseTo(0.5 * (10 - 9), within(1e-9));
    }

    @Test
    void firstDeliveriesAreCappedAndDecay() throws Exception {
        PeerScore score = score(Map.of());
        score.addPeer(alice, ip(1));
        for (int i = 0; i < 6; i++) {
            Blob id = Blob.ofHex("0" + i);
            score.validateMessage(alice, id);
            score.deliverMessage(alice, id, TOPIC);
        }
        assertThat(score.score(alice)).isCloseTo(0.5 * 2 * 4, within(1e-9));
        clock.advance(1_000);
        score.refresh();
        assertThat(score.score(alice)).isCloseTo(0.5 * 2 * 2, within(1e-9));
    }

    @Test
    void invalidMessagesPenaliseTheSenderAndEveryoneWhoSentItDuringValidation() throws Exception {
        PeerScore score = score(Map.of());
        score.addPeer(alice, ip(1));
        score.addPeer(bob, ip(2));
        Blob id = Blob.ofHex("01");
        score.validateMessage(alice, id);
        score.duplicateMessage(bob, id, TOPIC);
        score.rejectMessage(alice, id, TOPIC, Rejection.INVALID);
        assertThat(score.score(alice)).isEqualTo(0.5 * -10);
        assertThat(score.score(bob)).isEqualTo(0.5 * -10);
        score.duplicateMessage(bob, id, TOPIC);
        assertThat(score.score(bob)).as("every further copy of an invalid message counts").isEqualTo(0.5 * -10 * 4);
        PeerId carol = peer(3);
        score.addPeer(carol, ip(3));
        score.duplicateMessage(carol, id, TOPIC);
        score.duplicateMessage(carol, Blob.ofHex("02"), TOPIC);
        score.rejectMessage(carol, Blob.ofHex("02"), TOPIC, Rejection.INVALID);
        assertThat(score.score(carol)).as("P4 is the counter squared").isEqualTo(0.5 * -10 * 4);
    }

    @Test
    void ignoredAndThrottledMessagesCostNothing() throws Exception {
        PeerScore score = score(Map.of());
        score.addPeer(alice, ip(1));
        score.validateMessage(alice, Blob.ofHex("01"));
        score.rejectMessage(alice, Blob.ofHex("01"), TOPIC, Rejection.IGNORED);
        score.rejectMessage(alice, Blob.ofHex("02"), TOPIC, Rejection.THROTTLED);
        assertThat(score.score(alice)).isZero();
    }

    @Test
    void meshDeliveriesCountNearFirstCopiesOnlyWithinTheWindow() throws Exception {
        PeerScore score = score(Map.of());
        score.addPeer(alice, ip(1));
        score.addPeer(bob, ip(2));
        score.graft(bob, TOPIC);
        clock.advance(2_500);
        score.refresh(); // activates P3 for bob: deficit 3
        double base = score.score(bob);
        for (int i = 0; i < 2; i++) {
            Blob id = Blob.ofHex("1" + i);
            score.validateMessage(alice, id);
            score.deliverMessage(alice, id, TOPIC);
            clock.advance(i == 0 ? 5 : 50);
            score.duplicateMessage(bob, id, TOPIC);
        }
        // one near-first (5 ms) delivery counted, one late (50 ms) not: deficit 3 -> 2; P1 grew by 55 ms
        assertThat(score.score(bob) - base).isCloseTo(0.5 * (-4 + 9) + 0.5 * 0.055, within(1e-9));
    }

    @Test
    void appSpecificColocationAndBehaviourTerms() throws Exception {
        Map<PeerId, Double> app = new HashMap<>();
        app.put(alice, 3.0);
        PeerScore score = score(app);
        score.addPeer(alice, ip(1));
        assertThat(score.score(alice)).isEqualTo(6.0);
        score.addPeer(bob, ip(1));
        PeerId carol = peer(3);
        score.addPeer(carol, ip(1));
        // three peers on one address, threshold 1: surplus 2, squared, weight -3
        assertThat(score.score(bob)).isEqualTo(-12.0);
        score.addPenalty(carol, 3);
        assertThat(score.score(carol)).isEqualTo(-12.0 - 4.0);
        clock.advance(1_000);
        score.refresh();
        assertThat(score.score(carol)).isEqualTo(-12.0 - 0.25);
    }

    @Test
    void aBadScoreOutlivesADisconnectAGoodOneDoesNot() throws Exception {
        PeerScore score = score(Map.of());
        score.addPeer(alice, ip(1));
        score.addPenalty(alice, 3);
        score.addPeer(bob, ip(2));
        Blob id = Blob.ofHex("01");
        score.validateMessage(bob, id);
        score.deliverMessage(bob, id, TOPIC);
        score.removePeer(alice);
        score.removePeer(bob);
        assertThat(score.trackedPeers()).isEqualTo(1);
        score.addPeer(alice, ip(1));
        assertThat(score.score(alice)).isEqualTo(-4.0);
        score.removePeer(alice);
        clock.advance(31_000);
        score.refresh();
        assertThat(score.trackedPeers()).isZero();
    }

    @Test
    void parametersOutsideTheSpecsConstraintsAreRefused() {
        assertThatThrownBy(() -> new PeerScoreThresholds(1, -1, -2, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeerScoreThresholds(-1, -2, -2, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicScoreParams.defaults().withInvalidMessageDeliveries(1, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TopicScoreParams.decayFactor(Duration.ofSeconds(10), Duration.ofSeconds(1), 0.01))
                .isCloseTo(Math.pow(0.01, 0.1), within(1e-12));
    }
}
