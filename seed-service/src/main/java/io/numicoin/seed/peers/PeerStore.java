package io.numicoin.seed.peers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The seed's peers: what it learnt, what its crawl saw, and who is good. */
public interface PeerStore {

    /** Adds an address not known yet, due for a crawl now; false if known, or the store is full. */
    boolean learn(TcpAddress address, String source, Instant now);

    /**
     * Takes up to {@code limit} addresses due for a crawl (not banned, next crawl passed), oldest due
     * first, and moves their next crawl to {@code claimUntil} so no other crawl takes them meanwhile.
     */
    List<PeerRecord> claimDue(int limit, Instant now, Instant claimUntil);

    /** Applies a crawl result to the stored peer (read, score and write in one transaction); the stored result. */
    Optional<PeerRecord> record(Observation seen, Instant now);

    Optional<PeerRecord> find(String address);

    /** Good peers not banned at {@code now}, at most {@code limit}. */
    List<GoodPeer> good(int limit, Instant now);

    /** Forgets addresses that never answered after many tries, then the worst beyond the bound; how many went. */
    int prune(Instant now);

    long size();
}
