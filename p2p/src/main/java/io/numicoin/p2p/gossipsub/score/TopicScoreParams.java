package io.numicoin.p2p.gossipsub.score;

import java.time.Duration;

/**
 * Per-topic score parameters of gossipsub v1.1: P1 time in mesh, P2 first message deliveries,
 * P3/P3b mesh message delivery rate and failures, P4 invalid messages, each with its weight, cap and
 * decay; {@code topicWeight} mixes the topic into the peer's score. A weight of 0 turns a term off.
 * Decay factors multiply the counters once per {@link PeerScoreParams#decayInterval()}.
 */
public record TopicScoreParams(
        double topicWeight,
        double timeInMeshWeight, Duration timeInMeshQuantum, double timeInMeshCap,
        double firstMessageDeliveriesWeight, double firstMessageDeliveriesDecay, double firstMessageDeliveriesCap,
        double meshMessageDeliveriesWeight, double meshMessageDeliveriesDecay,
        double meshMessageDeliveriesThreshold, double meshMessageDeliveriesCap,
        Duration meshMessageDeliveriesActivation, Duration meshMessageDeliveriesWindow,
        double meshFailurePenaltyWeight, double meshFailurePenaltyDecay,
        double invalidMessageDeliveriesWeight, double invalidMessageDeliveriesDecay) {

    public TopicScoreParams {
        require(topicWeight >= 0, "topicWeight must be >= 0");
        require(timeInMeshWeight >= 0, "timeInMeshWeight must be >= 0");
        require(timeInMeshWeight == 0 || (timeInMeshQuantum.isPositive() && timeInMeshCap > 0),
                "timeInMesh needs a positive quantum and cap");
        require(firstMessageDeliveriesWeight >= 0, "firstMessageDeliveriesWeight must be >= 0");
        require(firstMessageDeliveriesWeight == 0 || firstMessageDeliveriesCap > 0,
                "firstMessageDeliveriesCap must be positive");
        requireDecay(firstMessageDeliveriesDecay, "firstMessageDeliveriesDecay");
        require(meshMessageDeliveriesWeight <= 0, "meshMessageDeliveriesWeight must be <= 0");
        requireDecay(meshMessageDeliveriesDecay, "meshMessageDeliveriesDecay");
        require(meshMessageDeliveriesWeight == 0
                        || (meshMessageDeliveriesThreshold > 0 && meshMessageDeliveriesCap >= meshMessageDeliveriesThreshold),
                "meshMessageDeliveries needs 0 < threshold <= cap");
        require(!meshMessageDeliveriesActivation.isNegative() && !meshMessageDeliveriesWindow.isNegative(),
                "meshMessageDeliveries durations must not be negative");
        require(meshFailurePenaltyWeight <= 0, "meshFailurePenaltyWeight must be <= 0");
        requireDecay(meshFailurePenaltyDecay, "meshFailurePenaltyDecay");
        require(invalidMessageDeliveriesWeight <= 0, "invalidMessageDeliveriesWeight must be <= 0");
        requireDecay(invalidMessageDeliveriesDecay, "invalidMessageDeliveriesDecay");
    }

    /**
     * A topic with modest rewards for time in mesh (up to +1 after 100 s) and first deliveries (up to
     * +10), no P3 delivery-rate penalty (it depends on the topic's expected rate: enable it with
     * {@link #withMeshMessageDeliveries}), a P3b weight of -1, and P4 of -5 per invalid message
     * squared, decaying by 1% a second.
     */
    public static TopicScoreParams defaults() {
        return new TopicScoreParams(1,
                0.01, Duration.ofSeconds(1), 100,
                0.1, 0.9, 100,
                0, 0.9, 1, 10, Duration.ofSeconds(30), Duration.ofMillis(10),
                -1, 0.5,
                -5, 0.99);
    }

    public TopicScoreParams withTopicWeight(double weight) {
        return new TopicScoreParams(weight, timeInMeshWeight, timeInMeshQuantum, timeInMeshCap,
                firstMessageDeliveriesWeight, firstMessageDeliveriesDecay, firstMessageDeliveriesCap,
                meshMessageDeliveriesWeight, meshMessageDeliveriesDecay, meshMessageDeliveriesThreshold,
                meshMessageDeliveriesCap, meshMessageDeliveriesActivation, meshMessageDeliveriesWindow,
                meshFailurePenaltyWeight, meshFailurePenaltyDecay, invalidMessageDeliveriesWeight,
                invalidMessageDeliveriesDecay);
    }

    /** Turns on P3: mesh peers delivering fewer than {@code threshold} (decayed) messages are penalised. */
    public TopicScoreParams withMeshMessageDeliveries(double weight, double decay, double threshold, double cap,
                                                      Duration activation, Duration window) {
        return new TopicScoreParams(topicWeight, timeInMeshWeight, timeInMeshQuantum, timeInMeshCap,
                firstMessageDeliveriesWeight, firstMessageDeliveriesDecay, firstMessageDeliveriesCap,
                weight, decay, threshold, cap, activation, window,
                meshFailurePenaltyWeight, meshFailurePenaltyDecay, invalidMessageDeliveriesWeight,
                invalidMessageDeliveriesDecay);
    }

    public TopicScoreParams withInvalidMessageDeliveries(double weight, double decay) {
        return new TopicScoreParams(topicWeight, timeInMeshWeight, timeInMeshQuantum, timeInMeshCap,
                firstMessageDeliveriesWeight, firstMessageDeliveriesDecay, firstMessageDeliveriesCap,
                meshMessageDeliveriesWeight, meshMessageDeliveriesDecay, meshMessageDeliveriesThreshold,
                meshMessageDeliveriesCap, meshMessageDeliveriesActivation, meshMessageDeliveriesWindow,
                meshFailurePenaltyWeight, meshFailurePenaltyDecay, weight, decay);
    }

    public TopicScoreParams withFirstMessageDeliveries(double weight, double decay, double cap) {
        return new TopicScoreParams(topicWeight, timeInMeshWeight, timeInMeshQuantum, timeInMeshCap,
                weight, decay, cap,
                meshMessageDeliveriesWeight, meshMessageDeliveriesDecay, meshMessageDeliveriesThreshold,
                meshMessageDeliveriesCap, meshMessageDeliveriesActivation, meshMessageDeliveriesWindow,
                meshFailurePenaltyWeight, meshFailurePenaltyDecay, invalidMessageDeliveriesWeight,
                invalidMessageDeliveriesDecay);
    }

    /** The decay factor that takes a counter from 1 to {@code decayToZero} in {@code decayTime}. */
    public static double decayFactor(Duration decayTime, Duration decayInterval, double decayToZero) {
        double intervals = (double) decayTime.toMillis() / decayInterval.toMillis();
        return Math.pow(decayToZero, 1 / intervals);
    }

    private static void requireDecay(double decay, String name) {
        require(decay > 0 && decay < 1, name + " must be in (0, 1)");
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
