package io.numicoin.node.p2p.peers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which inbound connection to drop when the inbound slots are full, after Bitcoin Core's
 * {@code AttemptToEvictConnection}: protect the {@link Settings#byPing} lowest-latency peers, the
 * {@link Settings#byBlocks} that most recently sent useful blocks and the longest-connected half of
 * the rest; of those left, take the address group with the most connections (ties: the group whose
 * newest connection is newest) and evict its newest connection. Nothing left means no eviction (the
 * new connection is refused instead). Pure: the same candidates give the same answer.
 */
public final class EvictionPolicy {

    public record Settings(int byPing, int byBlocks) {
        public static Settings defaults() {
            return new Settings(4, 4);
        }
    }

    private final Settings settings;

    public EvictionPolicy(Settings settings) {
        this.settings = settings;
    }

    public Optional<EvictionCandidate> select(List<EvictionCandidate> all) {
        List<EvictionCandidate> left = new ArrayList<>(all);
        protect(left, Comparator.comparing((EvictionCandidate c) -> c.minPing().orElse(Duration.ofDays(1)))
                .thenComparing(EvictionCandidate::peer), settings.byPing(), c -> c.minPing().isPresent());
        protect(left, Comparator.comparing((EvictionCandidate c) -> c.lastUsefulBlock().orElse(Instant.MIN)).reversed()
                .thenComparing(EvictionCandidate::peer), settings.byBlocks(), c -> c.lastUsefulBlock().isPresent());
        protect(left, Comparator.comparing(EvictionCandidate::connectedAt).thenComparing(EvictionCandidate::peer),
                left.size() / 2, c -> true);
        if (left.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<EvictionCandidate>> groups = new LinkedHashMap<>();
        for (EvictionCandidate c : left) {
            groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c);
        }
        Comparator<EvictionCandidate> newestFirst = Comparator.comparing(EvictionCandidate::connectedAt).reversed()
                .thenComparing(EvictionCandidate::peer);
        List<EvictionCandidate> largest = groups.values().stream()
                .peek(g -> g.sort(newestFirst))
                .max(Comparator.comparingInt((List<EvictionCandidate> g) -> g.size())
                        .thenComparing(g -> g.getFirst().connectedAt()))
                .orElseThrow();
        return Optional.of(largest.getFirst());
    }

    /** Removes up to {@code count} of the best (first by {@code order}) that qualify. */
    private static void protect(List<EvictionCandidate> left, Comparator<EvictionCandidate> order, int count,
            java.util.function.Predicate<EvictionCandidate> qualifies) {
        List<EvictionCandidate> best = left.stream().filter(qualifies).sorted(order).limit(count).toList();
        left.removeAll(best);
    }
}
