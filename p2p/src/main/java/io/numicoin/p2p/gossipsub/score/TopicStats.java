package io.numicoin.p2p.gossipsub.score;

/** A peer's counters in one scored topic (mutable; owned by {@link PeerScore}). */
final class TopicStats {

    boolean inMesh;
    long graftTimeMillis;
    boolean meshMessageDeliveriesActive;
    double firstMessageDeliveries;
    double meshMessageDeliveries;
    double meshFailurePenalty;
    double invalidMessageDeliveries;

    /** The P3 deficit squared, or 0 when P3 is not active or the peer delivers enough. */
    double deliveryDeficitSquared(TopicScoreParams params) {
        if (!meshMessageDeliveriesActive || meshMessageDeliveries >= params.meshMessageDeliveriesThreshold()) {
            return 0;
        }
        double deficit = params.meshMessageDeliveriesThreshold() - meshMessageDeliveries;
        return deficit * deficit;
    }

    /** The weighted P1..P4 sum of this topic (without the topic weight). */
    double score(TopicScoreParams params, long nowMillis) {
        double score = 0;
        if (inMesh && params.timeInMeshWeight() != 0) {
            double p1 = (double) (nowMillis - graftTimeMillis) / params.timeInMeshQuantum().toMillis();
            score += Math.min(p1, params.timeInMeshCap()) * params.timeInMeshWeight();
        }
        score += firstMessageDeliveries * params.firstMessageDeliveriesWeight();
        score += deliveryDeficitSquared(params) * params.meshMessageDeliveriesWeight();
        score += meshFailurePenalty * params.meshFailurePenaltyWeight();
        score += invalidMessageDeliveries * invalidMessageDeliveries * params.invalidMessageDeliveriesWeight();
        return score;
    }

    void decay(TopicScoreParams params, double decayToZero, long nowMillis) {
        firstMessageDeliveries = decayed(firstMessageDeliveries, params.firstMessageDeliveriesDecay(), decayToZero);
        meshMessageDeliveries = decayed(meshMessageDeliveries, params.meshMessageDeliveriesDecay(), decayToZero);
        meshFailurePenalty = decayed(meshFailurePenalty, params.meshFailurePenaltyDecay(), decayToZero);
        invalidMessageDeliveries = decayed(invalidMessageDeliveries, params.invalidMessageDeliveriesDecay(), decayToZero);
        if (inMesh && nowMillis - graftTimeMillis > params.meshMessageDeliveriesActivation().toMillis()) {
            meshMessageDeliveriesActive = true;
        }
    }

    static double decayed(double value, double factor, double decayToZero) {
        double next = value * factor;
        return next < decayToZero ? 0 : next;
    }
}
