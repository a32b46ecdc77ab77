package io.numicoin.seed.peers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the seed knows of one address: who answered there, what it said, its crawl history and
 * verdict, and when it is next crawled.
 *
 * @param address TCP multiaddr without {@code /p2p/}, the key
 * @param source where the address was first learnt ({@code config}, {@code event}, {@code crawl})
 * @param consecutiveFailures failures since the last success (the retry backoff grows with them)
 * @param banCount bans so far: a misbehaving peer's next ban lasts longer
 * @param good the verdict of {@link GoodPeerRule} after the last attempt
 */
public record PeerRecord(
        String address,
        Optional<String> peerId,
        String agent,
        long height,
        List<String> protocols,
        int latencyMillis,
        String source,
        Instant firstSeen,
        Optional<Instant> lastTry,
        Optional<Instant> lastSuccess,
        Reliability reliability,
        int consecutiveFailures,
        int banCount,
        Optional<Instant> bannedUntil,
        String banReason,
        Instant nextTry,
        boolean good) {

    public PeerRecord {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(agent, "agent");
        protocols = List.copyOf(protocols);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastTry, "lastTry");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(reliability, "reliability");
        Objects.requireNonNull(bannedUntil, "bannedUntil");
        Objects.requireNonNull(banReason, "banReason");
        Objects.requireNonNull(nextTry, "nextTry");
    }

    /** A newly learnt address, due for a crawl now. */
    public static PeerRecord learnt(String address, Optional<String> peerId, String source, Instant now) {
        return new PeerRecord(address, peerId, "", 0, List.of(), -1, source, now, Optional.empty(), Optional.empty(),
                Reliability.NONE, 0, 0, Optional.empty(), "", now, false);
    }

    public boolean bannedAt(Instant now) {
        return bannedUntil.map(now::isBefore).orElse(false);
    }
}
