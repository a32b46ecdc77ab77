package io.numicoin.node.p2p.peers;

import io.numicoin.p2p.peer.PeerId;
import io.numicoin.support.limit.TokenBucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-peer, per-protocol request budgets (a {@link TokenBucket} each). {@link #tryAcquire} answers
 * whether a request may be served; a refusal adds {@link #penaltyPoints} to the peer's
 * {@link PeerScores}, so a peer that keeps flooding is banned. Protocols without a configured
 * {@link Limit} are unlimited. Call {@link #forget} when a peer disconnects.
 */
public final class RateLimits {

    /** A burst of {@code burst} requests, then {@code perSecond} sustained. */
    public record Limit(double burst, double perSecond) {
    }

    private record Key(PeerId peer, String protocol) {
    }

    private final Map<String, Limit> limits;
    private final PeerScores scores;
    private final double penaltyPoints;
    private final LongSupplier nanoTime;
    private final Map<Key, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(Map<String, Limit> limits, PeerScores scores, double penaltyPoints, LongSupplier nanoTime) {
        this.limits = new ConcurrentHashMap<>(limits);
        this.scores = scores;
        this.penaltyPoints = penaltyPoints;
        this.nanoTime = nanoTime;
    }

    /** Sets (or replaces) the budget of {@code protocol}; existing buckets keep their old budget until forgotten. */
    public void setLimit(String protocol, Limit limit) {
        limits.put(protocol, limit);
    }

    /** Takes one request's worth of budget for {@code protocol}. */
    public boolean tryAcquire(PeerId peer, String protocol) {
        return tryAcquire(peer, protocol, 1);
    }

    /** Takes {@code cost} from the peer's budget for {@code protocol}; over budget penalises the peer and answers false. */
    public boolean tryAcquire(PeerId peer, String protocol, double cost) {
        Limit limit = limits.get(protocol);
        if (limit == null) {
            return true;
        }
        long now = nanoTime.getAsLong();
        TokenBucket bucket = buckets.computeIfAbsent(new Key(peer, protocol), k -> new TokenBucket(limit.burst(), limit.perSecond(), now));
        if (bucket.tryTake(cost, now)) {
            return true;
        }
        if (penaltyPoints > 0) {
            scores.addPoints(peer, penaltyPoints, "rate limit on " + protocol);
        }
        return false;
    }

    /** Drops the peer's buckets (its score, which outlives the connection, keeps any penalty). */
    public void forget(PeerId peer) {
        buckets.keySet().removeIf(k -> k.peer().equals(peer));
    }

    /** How many buckets are kept: one per connected peer and limited protocol it used. */
    public int bucketCount() {
        return buckets.size();
    }
}
