package io.numicoin.p2p.gossipsub.score;

/**
 * The gossipsub v1.1 score thresholds: below {@code gossipThreshold} no gossip is exchanged with a
 * peer, below {@code publishThreshold} own messages are not flood-published to it, below
 * {@code graylistThreshold} all its RPCs are ignored; PX is accepted only from peers above
 * {@code acceptPxThreshold}; a mesh whose median score is below {@code opportunisticGraftThreshold}
 * grafts better peers. Score 0 is the implicit mesh threshold.
 */
public record PeerScoreThresholds(double gossipThreshold, double publishThreshold, double graylistThreshold,
                                  double acceptPxThreshold, double opportunisticGraftThreshold) {

    /**
     * Scaled to {@link TopicScoreParams#defaults()}: four rejected messages in one topic take a peer
     * below the graylist.
     */
    public static final PeerScoreThresholds DEFAULT = new PeerScoreThresholds(-10, -50, -75, 100, 1);

    public PeerScoreThresholds {
        if (!(gossipThreshold < 0)) {
            throw new IllegalArgumentException("gossipThreshold must be negative");
        }
        if (!(publishThreshold <= gossipThreshold)) {
            throw new IllegalArgumentException("publishThreshold must be <= gossipThreshold");
        }
        if (!(graylistThreshold < publishThreshold)) {
            throw new IllegalArgumentException("graylistThreshold must be < publishThreshold");
        }
        if (!(acceptPxThreshold >= 0)) {
            throw new IllegalArgumentException("acceptPxThreshold must be >= 0");
        }
        if (!(opportunisticGraftThreshold >= 0)) {
            throw new IllegalArgumentException("opportunisticGraftThreshold must be >= 0");
        }
    }
}
