package io.numicoin.p2p.gossipsub.score;

import static io.numicoin.p2p.gossipsub.score.TopicScoreParams.require;

import io.numicoin.p2p.peer.PeerId;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Peer-wide score parameters of gossipsub v1.1: the scored topics, an optional cap on the topics'
 * total ({@code topicScoreCap}, 0 = none), P5 application-specific score ({@code appSpecificScore}
 * times its positive weight), P6 IP colocation (peers sharing an address beyond the threshold,
 * squared, times a negative weight; addresses matching {@code ipColocationExempt} are not counted),
 * P7 behaviour penalty (counter above the threshold, squared, times a negative weight), and how
 * counters decay and how long a disconnected peer's score is remembered.
 */
public record PeerScoreParams(
        Map<String, TopicScoreParams> topics,
        double topicScoreCap,
        double appSpecificWeight, ToDoubleFunction<PeerId> appSpecificScore,
        double ipColocationFactorWeight, int ipColocationFactorThreshold, Predicate<InetAddress> ipColocationExempt,
        double behaviourPenaltyWeight, double behaviourPenaltyThreshold, double behaviourPenaltyDecay,
        Duration decayInterval, double decayToZero, Duration retainScore) {

    public PeerScoreParams {
        topics = Map.copyOf(topics);
        Objects.requireNonNull(appSpecificScore, "appSpecificScore");
        Objects.requireNonNull(ipColocationExempt, "ipColocationExempt");
        require(topicScoreCap >= 0, "topicScoreCap must be >= 0");
        require(appSpecificWeight >= 0, "appSpecificWeight must be >= 0");
        require(ipColocationFactorWeight <= 0, "ipColocationFactorWeight must be <= 0");
        require(ipColocationFactorWeight == 0 || ipColocationFactorThreshold >= 1,
                "ipColocationFactorThreshold must be >= 1");
        require(behaviourPenaltyWeight <= 0, "behaviourPenaltyWeight must be <= 0");
        require(behaviourPenaltyThreshold >= 0, "behaviourPenaltyThreshold must be >= 0");
        require(behaviourPenaltyDecay > 0 && behaviourPenaltyDecay < 1, "behaviourPenaltyDecay must be in (0, 1)");
        require(decayInterval.compareTo(Duration.ofMillis(10)) >= 0, "decayInterval must be at least 10 ms");
        require(decayToZero > 0 && decayToZero < 1, "decayToZero must be in (0, 1)");
        require(!retainScore.isNegative(), "retainScore must not be negative");
    }

    /**
     * Scores the given topics with the given parameters, no topic cap, P5 weight 1 from the callback,
     * P6 weight -1 beyond 3 peers per address (loopback exempt), P7 weight -1 beyond 2 penalties
     * decaying 1% a second, decay every second, scores retained 10 minutes after a disconnect.
     */
    public static PeerScoreParams defaults(Map<String, TopicScoreParams> topics, ToDoubleFunction<PeerId> appSpecificScore) {
        return new PeerScoreParams(topics, 0, 1, appSpecificScore, -1, 3, InetAddress::isLoopbackAddress,
                -1, 2, 0.99, Duration.ofSeconds(1), 0.01, Duration.ofMinutes(10));
    }

    public PeerScoreParams withTopic(String topic, TopicScoreParams params) {
        java.util.HashMap<String, TopicScoreParams> copy = new java.util.HashMap<>(topics);
        copy.put(topic, params);
        return new PeerScoreParams(copy, topicScoreCap, appSpecificWeight, appSpecificScore,
                ipColocationFactorWeight, ipColocationFactorThreshold, ipColocationExempt,
                behaviourPenaltyWeight, behaviourPenaltyThreshold, behaviourPenaltyDecay,
                decayInterval, decayToZero, retainScore);
    }

    public PeerScoreParams withIpColocation(double weight, int threshold, Predicate<InetAddress> exempt) {
        return new PeerScoreParams(topics, topicScoreCap, appSpecificWeight, appSpecificScore,
                weight, threshold, exempt, behaviourPenaltyWeight, behaviourPenaltyThreshold, behaviourPenaltyDecay,
                decayInterval, decayToZero, retainScore);
    }

    public PeerScoreParams withBehaviourPenalty(double weight, double threshold, double decay) {
        return new PeerScoreParams(topics, topicScoreCap, appSpecificWeight, appSpecificScore,
                ipColocationFactorWeight, ipColocationFactorThreshold, ipColocationExempt,
                weight, threshold, decay, decayInterval, decayToZero, retainScore);
    }
}
