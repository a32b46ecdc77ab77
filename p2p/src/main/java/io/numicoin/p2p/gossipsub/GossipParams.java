package io.numicoin.p2p.gossipsub;

import java.time.Duration;

/**
 * The gossipsub v1.0/v1.1 router parameters, with the specs' defaults ({@link #defaults()}): mesh
 * degree D=6 within [D_lo=4, D_hi=12], D_lazy=6 gossip peers (or {@code gossipFactor} of them),
 * D_score=4 kept by score and D_out=2 outbound when pruning, 1 s heartbeat, 60 s fanout TTL, a
 * message cache of 5 windows gossiping the last 3, 2 min seen-cache, 1 min prune backoff (10 s after
 * unsubscribing), flood publishing, IHAVE limits, IWANT follow-up, opportunistic grafting every 60
 * heartbeats, and the router's own bounds (pending validations, topics per peer).
 * Build variations with {@link #builder()}.
 */
public record GossipParams(
        int d, int dLo, int dHi, int dLazy, int dScore, int dOut,
        Duration heartbeatInterval, Duration fanoutTtl,
        int mcacheLength, int mcacheGossip,
        Duration seenTtl, int seenMaxEntries,
        Duration pruneBackoff, Duration unsubscribeBackoff, Duration graftFloodThreshold, Duration maxBackoff,
        boolean floodPublish, double gossipFactor,
        int maxIHaveLength, int maxIHaveMessages, Duration iwantFollowupTime, int gossipRetransmission,
        int opportunisticGraftTicks, int opportunisticGraftPeers,
        boolean doPx, int prunePeers,
        int maxPendingValidations, Duration validationTimeout, int maxTopicsPerPeer) {

    public GossipParams {
        check(d >= 0 && dLo >= 0 && dLo <= d && d <= dHi, "need 0 <= D_lo <= D <= D_hi");
        check(dLazy >= 0 && dScore >= 0 && dScore <= dHi, "need D_lazy >= 0 and 0 <= D_score <= D_hi");
        check(dOut >= 0 && (dOut == 0 || (dOut < dLo && dOut <= d / 2)), "D_out must be < D_lo and <= D/2");
        check(heartbeatInterval.isPositive() && fanoutTtl.isPositive(), "heartbeat and fanout TTL must be positive");
        check(mcacheGossip >= 1 && mcacheGossip <= mcacheLength, "need 1 <= mcache_gossip <= mcache_len");
        check(seenTtl.isPositive() && seenMaxEntries > 0, "seen cache needs a positive TTL and size");
        check(!pruneBackoff.isNegative() && !unsubscribeBackoff.isNegative() && !graftFloodThreshold.isNegative()
                && maxBackoff.compareTo(pruneBackoff) >= 0, "backoffs must be >= 0 and <= maxBackoff");
        check(gossipFactor >= 0 && gossipFactor <= 1, "gossipFactor must be in [0, 1]");
        check(maxIHaveLength > 0 && maxIHaveMessages > 0 && gossipRetransmission > 0, "IHAVE/IWANT limits must be positive");
        check(iwantFollowupTime.isPositive(), "iwantFollowupTime must be positive");
        check(opportunisticGraftTicks > 0 && opportunisticGraftPeers >= 0, "opportunistic grafting parameters");
        check(prunePeers >= 0 && maxPendingValidations > 0 && validationTimeout.isPositive() && maxTopicsPerPeer > 0,
                "router bounds must be positive");
    }

    public static GossipParams defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.d = d; b.dLo = dLo; b.dHi = dHi; b.dLazy = dLazy; b.dScore = dScore; b.dOut = dOut;
        b.heartbeatInterval = heartbeatInterval; b.fanoutTtl = fanoutTtl;
        b.mcacheLength = mcacheLength; b.mcacheGossip = mcacheGossip;
        b.seenTtl = seenTtl; b.seenMaxEntries = seenMaxEntries;
        b.pruneBackoff = pruneBackoff; b.unsubscribeBackoff = unsubscribeBackoff;
        b.graftFloodThreshold = graftFloodThreshold; b.maxBackoff = maxBackoff;
        b.floodPublish = floodPublish; b.gossipFactor = gossipFactor;
        b.maxIHaveLength = maxIHaveLength; b.maxIHaveMessages = maxIHaveMessages;
        b.iwantFollowupTime = iwantFollowupTime; b.gossipRetransmission = gossipRetransmission;
        b.opportunisticGraftTicks = opportunisticGraftTicks; b.opportunisticGraftPeers = opportunisticGraftPeers;
        b.doPx = doPx; b.prunePeers = prunePeers;
        b.maxPendingValidations = maxPendingValidations; b.validationTimeout = validationTimeout;
        b.maxTopicsPerPeer = maxTopicsPerPeer;
        return b;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Fluent construction of {@link GossipParams}, starting from the defaults. */
    public static final class Builder {
        private int d = 6, dLo = 4, dHi = 12, dLazy = 6, dScore = 4, dOut = 2;
        private Duration heartbeatInterval = Duration.ofSeconds(1), fanoutTtl = Duration.ofSeconds(60);
        private int mcacheLength = 5, mcacheGossip = 3;
        private Duration seenTtl = Duration.ofMinutes(2);
        private int seenMaxEntries = 200_000;
        private Duration pruneBackoff = Duration.ofMinutes(1), unsubscribeBackoff = Duration.ofSeconds(10);
        private Duration graftFloodThreshold = Duration.ofSeconds(10), maxBackoff = Duration.ofHours(1);
        private boolean floodPublish = true;
        private double gossipFactor = 0.25;
        private int maxIHaveLength = 5000, maxIHaveMessages = 10;
        private Duration iwantFollowupTime = Duration.ofSeconds(3);
        private int gossipRetransmission = 3;
        private int opportunisticGraftTicks = 60, opportunisticGraftPeers = 2;
        private boolean doPx = false;
        private int prunePeers = 16;
        private int maxPendingValidations = 1024;
        private Duration validationTimeout = Duration.ofSeconds(30);
        private int maxTopicsPerPeer = 64;

        private Builder() {
        }

        /** Sets D, D_lo and D_hi together. */
        public Builder degree(int d, int dLo, int dHi) {
            this.d = d;
            this.dLo = dLo;
            this.dHi = dHi;
            return this;
        }

        public Builder dLazy(int value) { this.dLazy = value; return this; }
        public Builder dScore(int value) { this.dScore = value; return this; }
        public Builder dOut(int value) { this.dOut = value; return this; }
        public Builder heartbeatInterval(Duration value) { this.heartbeatInterval = value; return this; }
        public Builder fanoutTtl(Duration value) { this.fanoutTtl = value; return this; }

        /** Sets mcache_len and mcache_gossip. */
        public Builder messageCache(int length, int gossip) {
            this.mcacheLength = length;
            this.mcacheGossip = gossip;
            return this;
        }

        public Builder seenTtl(Duration value) { this.seenTtl = value; return this; }
        public Builder seenMaxEntries(int value) { this.seenMaxEntries = value; return this; }
        public Builder pruneBackoff(Duration value) { this.pruneBackoff = value; return this; }
        public Builder unsubscribeBackoff(Duration value) { this.unsubscribeBackoff = value; return this; }
        public Builder graftFloodThreshold(Duration value) { this.graftFloodThreshold = value; return this; }
        public Builder maxBackoff(Duration value) { this.maxBackoff = value; return this; }
        public Builder floodPublish(boolean value) { this.floodPublish = value; return this; }
        public Builder gossipFactor(double value) { this.gossipFactor = value; return this; }
        public Builder maxIHaveLength(int value) { this.maxIHaveLength = value; return this; }
        public Builder maxIHaveMessages(int value) { this.maxIHaveMessages = value; return this; }
        public Builder iwantFollowupTime(Duration value) { this.iwantFollowupTime = value; return this; }
        public Builder gossipRetransmission(int value) { this.gossipRetransmission = value; return this; }
        public Builder opportunisticGraftTicks(int value) { this.opportunisticGraftTicks = value; return this; }
        public Builder opportunisticGraftPeers(int value) { this.opportunisticGraftPeers = value; return this; }

        /** Whether our PRUNEs carry peer exchange, and how many peers at most. */
        public Builder peerExchange(boolean enabled, int peers) {
            this.doPx = enabled;
            this.prunePeers = peers;
            return this;
        }

        public Builder maxPendingValidations(int value) { this.maxPendingValidations = value; return this; }
        public Builder validationTimeout(Duration value) { this.validationTimeout = value; return this; }
        public Builder maxTopicsPerPeer(int value) { this.maxTopicsPerPeer = value; return this; }

        public GossipParams build() {
            return new GossipParams(d, dLo, dHi, dLazy, dScore, dOut, heartbeatInterval, fanoutTtl,
                    mcacheLength, mcacheGossip, seenTtl, seenMaxEntries, pruneBackoff, unsubscribeBackoff,
                    graftFloodThreshold, maxBackoff, floodPublish, gossipFactor, maxIHaveLength, maxIHaveMessages,
                    iwantFollowupTime, gossipRetransmission, opportunisticGraftTicks, opportunisticGraftPeers,
                    doPx, prunePeers, maxPendingValidations, validationTimeout, maxTopicsPerPeer);
        }
    }
}
