package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.RpcLimits;
import io.numicoin.p2p.gossipsub.score.PeerScoreParams;
import io.numicoin.p2p.gossipsub.score.PeerScoreThresholds;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that configures a gossipsub router: protocol parameters, peer scoring, the signing
 * policy, the message id function (all peers of a topic must agree on the last two) and the RPC
 * size and count limits, which bound what we decode and what we send.
 */
public record GossipConfig(GossipParams params, PeerScoreParams scoreParams, PeerScoreThresholds thresholds,
                           SignaturePolicy signaturePolicy, MessageIdFunction messageIdFunction, RpcLimits rpcLimits) {

    public GossipConfig {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(scoreParams, "scoreParams");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(signaturePolicy, "signaturePolicy");
        Objects.requireNonNull(messageIdFunction, "messageIdFunction");
        Objects.requireNonNull(rpcLimits, "rpcLimits");
    }

    /** Spec defaults, no scored topics, P5 = 0, the policy's default message id. */
    public static GossipConfig defaults(SignaturePolicy policy) {
        return new GossipConfig(GossipParams.defaults(), PeerScoreParams.defaults(Map.of(), peer -> 0),
                PeerScoreThresholds.DEFAULT, policy, MessageIdFunction.defaultFor(policy), RpcLimits.DEFAULT);
    }

    public GossipConfig withParams(GossipParams newParams) {
        return new GossipConfig(newParams, scoreParams, thresholds, signaturePolicy, messageIdFunction, rpcLimits);
    }

    public GossipConfig withScoreParams(PeerScoreParams newScoreParams) {
        return new GossipConfig(params, newScoreParams, thresholds, signaturePolicy, messageIdFunction, rpcLimits);
    }

    public GossipConfig withThresholds(PeerScoreThresholds newThresholds) {
        return new GossipConfig(params, scoreParams, newThresholds, signaturePolicy, messageIdFunction, rpcLimits);
    }

    public GossipConfig withMessageIdFunction(MessageIdFunction function) {
        return new GossipConfig(params, scoreParams, thresholds, signaturePolicy, function, rpcLimits);
    }

    public GossipConfig withRpcLimits(RpcLimits limits) {
        return new GossipConfig(params, scoreParams, thresholds, signaturePolicy, messageIdFunction, limits);
    }
}
