package io.numicoin.node.p2p.peers;

import io.numicoin.node.p2p.hooks.PeerPenalty;
import io.numicoin.p2p.peer.PeerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A misbehaviour score per peer, and the node's {@link PeerPenalty}. Provably bad behaviour (a
 * {@link PeerPenalty.Severity#FATAL} report, or an invalid block, header or message) bans at once;
 * a block whose header and proof of work held but whose body did not ({@link PeerPenalty.Reason#INVALID_BODY})
 * is counted and never scored, since an honest peer may have relayed it;
 * lesser offences add points that halve every {@link Settings#halfLife}; a peer whose score reaches
 * {@link Settings#banThreshold} is banned for {@link Settings#banDuration}. A banned peer is
 * disconnected through {@code disconnect}.
 */
public final class PeerScores implements PeerPenalty {

    private static final Logger log = LoggerFactory.getLogger(PeerScores.class);

    /**
     * @param minorPoints points for a {@link Severity#MINOR} report (a stall, one request over the rate)
     * @param majorPoints points for a {@link Severity#MAJOR} report
     */
    public record Settings(double minorPoints, double majorPoints, double banThreshold, Duration halfLife, Duration banDuration) {
        public static Settings defaults() {
            return new Settings(10, 50, 100, Duration.ofMinutes(10), Duration.ofHours(24));
        }
    }

    private record Score(double points, Instant at) {
        double at(Instant now, Duration halfLife) {
            double halves = (double) Duration.between(at, now).toMillis() / halfLife.toMillis();
            return halves <= 0 ? points : points * Math.pow(0.5, halves);
        }
    }

    private final BanList bans;
    private final Settings settings;
    private final Clock clock;
    private final Consumer<PeerId> disconnect;
    private final MeterRegistry meters;
    private final Map<PeerId, Score> scores = new ConcurrentHashMap<>();

    public PeerScores(BanList bans, Settings settings, Clock clock, Consumer<PeerId> disconnect) {
        this(bans, settings, clock, disconnect, null);
    }

    /** Counts {@code numi.p2p.penalties} (tags reason, severity) and {@code numi.p2p.bans} in {@code meters}. */
    public PeerScores(BanList bans, Settings settings, Clock clock, Consumer<PeerId> disconnect, MeterRegistry meters) {
        this.bans = bans;
        this.settings = settings;
        this.clock = clock;
        this.disconnect = disconnect;
        this.meters = meters;
    }

    @Override
    public void penalise(PeerId peer, Reason reason, Severity severity, String detail) {
        if (meters != null) {
            Counter.builder("numi.p2p.penalties").description("Penalties given to misbehaving peers")
                    .tag("reason", reason.name()).tag("severity", severity.name()).register(meters).increment();
        }
        if (severity == Severity.FATAL || bansAtOnce(reason)) {
            ban(peer, reason.name() + ": " + detail);
            return;
        }
        if (reason == Reason.INVALID_BODY) {
            // counted, never scored: an honest relay forwards a block at the tip before its import
            // finds a bad body (header-first relay), so points would let one attacker who pays the
            // proof of work of a few blocks get honest relays banned, as Bitcoin Core does not
            // punish a block that came by compact block relay
            log.debug("{}: a block with a valid header and an invalid body ({}); not scored", peer, detail);
            return;
        }
        addPoints(peer, severity == Severity.MAJOR ? settings.majorPoints() : settings.minorPoints(), reason.name());
    }

    /** Adds {@code points} to the peer's decaying score (spam, oversize, too many requests); bans past the threshold. */
    public double addPoints(PeerId peer, double points, String reason) {
        Instant now = clock.instant();
        Score score = scores.merge(peer, new Score(points, now),
                (old, add) -> new Score(old.at(now, settings.halfLife()) + add.points(), now));
        if (score.points() >= settings.banThreshold()) {
            scores.remove(peer);
            ban(peer, "score " + Math.round(score.points()) + " after " + reason);
        }
        return score.points();
    }

    /** The peer's current (decayed) score; 0 for a well-behaved peer. */
    public double score(PeerId peer) {
        Score score = scores.get(peer);
        return score == null ? 0 : score.at(clock.instant(), settings.halfLife());
    }

    /** Forgets scores that have decayed below one point (call now and then). */
    public void prune() {
        Instant now = clock.instant();
        scores.entrySet().removeIf(e -> e.getValue().at(now, settings.halfLife()) < 1);
    }

    private void ban(PeerId peer, String reason) {
        String bounded = reason.length() > 200 ? reason.substring(0, 200) : reason;
        Ban ban = bans.ban(peer, settings.banDuration(), bounded);
        if (meters != null) {
            Counter.builder("numi.p2p.bans").description("Peers banned").register(meters).increment();
        }
        log.info("banned {} until {}: {}", peer, ban.until(), bounded);
        disconnect.accept(peer);
    }

    private static boolean bansAtOnce(Reason reason) {
        return switch (reason) {
            case WRONG_GENESIS, INVALID_HEADER, MALFORMED_MESSAGE -> true;
            default -> false;
        };
    }
}
