package io.numicoin.node.p2p.peers;

import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node's known peer addresses with their history, and its timed bans. Bounded: adding past the
 * limit evicts the worst entries (never succeeded, most failures, oldest), never a ban.
 */
public interface AddressBook {

    /** Learns {@code address} (from {@code source}: bootstrap, dns, mdns, px, inbound); keeps history if known. */
    void add(Multiaddr address, String source, Instant now);

    default void addAll(Collection<Multiaddr> addresses, String source, Instant now) {
        addresses.forEach(a -> add(a, source, now));
    }

    /** A dial or handshake with {@code address} worked: {@code peer} answered with {@code agent}. */
    void recordSuccess(Multiaddr address, PeerId peer, String agent, Instant now);

    /** A dial of {@code address} failed: it is backed off exponentially. */
    void recordFailure(Multiaddr address, Instant now);

    /** The best height {@code peer} reported; false when no address of {@code peer} is known (nothing written). */
    boolean recordHeight(PeerId peer, long height);

    /**
     * Up to {@code limit} addresses worth dialling now: not banned, not in backoff, not one of
     * {@code exclude}; recent successes first, then never-tried, then those that failed least.
     */
    List<Multiaddr> selectForDial(int limit, Instant now, Collection<PeerId> exclude);

    /** Up to {@code limit} addresses that worked within {@code maxAge} and are not banned (for peer exchange). */
    List<Multiaddr> good(int limit, Instant now, java.time.Duration maxAge);

    /** The best known address of {@code peer}. */
    Optional<Multiaddr> addressOf(PeerId peer);

    Optional<PeerEntry> entry(Multiaddr address);

    /** Bans {@code peer} (all its addresses) until {@code until}. */
    void ban(PeerId peer, Instant until, String reason);

    /** Lifts the ban of {@code peer}. */
    void unban(PeerId peer);

    /** Bans in force at {@code now}, by peer. */
    Map<PeerId, Ban> activeBans(Instant now);

    int size();
}
