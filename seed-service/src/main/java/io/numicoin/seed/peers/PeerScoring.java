package io.numicoin.seed.peers;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies one crawl result to what is known of a peer: the decaying windows, the peer's reported
 * facts, the verdict, bans and the next crawl. Pure: time is passed in.
 */
public final class PeerScoring {

    private final ScoringSettings settings;
    private final GoodPeerRule rule;

    public PeerScoring(ScoringSettings settings) {
        this.settings = settings;
        this.rule = new GoodPeerRule(settings);
    }

    public GoodPeerRule rule() {
        return rule;
    }

    public PeerRecord apply(PeerRecord peer, Observation seen, Instant now) {
        boolean success = seen.outcome() == Outcome.SUCCESS;
        // A first attempt counts as if the previous one were one retry interval ago (as bitcoin-seeder does).
        long age = peer.lastTry().map(t -> Duration.between(t, now).toSeconds()).orElse(settings.retryInterval().toSeconds());
        Reliability reliability = peer.reliability().update(success, age);
        PeerRecord scored = success
                ? new PeerRecord(peer.address(), seen.peerId().or(peer::peerId), seen.agent(), seen.height(), seen.protocols(),
                        seen.latencyMillis(), peer.source(), peer.firstSeen(), Optional.of(now), Optional.of(now), reliability, 0,
                        peer.banCount(), peer.bannedUntil(), peer.banReason(), now, false)
                : new PeerRecord(peer.address(), peer.peerId(), peer.agent(), peer.height(), peer.protocols(), peer.latencyMillis(),
                        peer.source(), peer.firstSeen(), Optional.of(now), peer.lastSuccess(), reliability,
                        saturatingIncrement(peer.consecutiveFailures()), peer.banCount(), peer.bannedUntil(), peer.banReason(), now,
                        false);
        if (seen.outcome() == Outcome.MISBEHAVED) {
            return banned(scored, escalatingBan(peer.banCount()), seen.reason(), now);
        }
        boolean good = rule.isGood(scored);
        if (good) {
            return withVerdict(scored, true, now.plus(settings.goodInterval()));
        }
        Duration ban = rule.banTime(reliability);
        if (!ban.isZero()) {
            return banned(scored, ban, "unreliable", now);
        }
        Duration wait = success ? settings.retryInterval() : backoff(scored.consecutiveFailures());
        Duration ignore = rule.ignoreTime(reliability);
        return withVerdict(scored, false, now.plus(ignore.compareTo(wait) > 0 ? ignore : wait));
    }

    /** The ban of a peer that misbehaved, after {@code earlierBans}: base × 2^earlier, at most the maximum. */
    public Duration escalatingBan(int earlierBans) {
        Duration ban = settings.banBase();
        for (int i = 0; i < earlierBans && ban.compareTo(settings.banMax()) < 0; i++) {
            ban = ban.multipliedBy(2);
        }
        return ban.compareTo(settings.banMax()) > 0 ? settings.banMax() : ban;
    }

    private Duration backoff(int failures) {
        Duration wait = settings.retryInterval();
        for (int i = 1; i < failures && wait.compareTo(settings.maxRetryInterval()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetryInterval()) > 0 ? settings.maxRetryInterval() : wait;
    }

    private static PeerRecord banned(PeerRecord p, Duration ban, String reason, Instant now) {
        Instant until = now.plus(ban);
        return new PeerRecord(p.address(), p.peerId(), p.agent(), p.height(), p.protocols(), p.latencyMillis(), p.source(),
                p.firstSeen(), p.lastTry(), p.lastSuccess(), p.reliability(), p.consecutiveFailures(),
                saturatingIncrement(p.banCount()), Optional.of(until), Observation.clip(reason), until, false);
    }

    private static PeerRecord withVerdict(PeerRecord p, boolean good, Instant nextTry) {
        return new PeerRecord(p.address(), p.peerId(), p.agent(), p.height(), p.protocols(), p.latencyMillis(), p.source(),
                p.firstSeen(), p.lastTry(), p.lastSuccess(), p.reliability(), p.consecutiveFailures(), p.banCount(),
                p.bannedUntil(), p.banReason(), nextTry, good);
    }

    private static int saturatingIncrement(int n) {
        return n == Integer.MAX_VALUE ? n : n + 1;
    }
}
