package io.numicoin.node.p2p.peers;

import static io.numicoin.node.p2p.peers.PostgresAddressBookIT.peer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvictionPolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final EvictionPolicy policy = new EvictionPolicy(new EvictionPolicy.Settings(2, 2));

    private static EvictionCandidate c(int n, String group, long connectedSec, Long pingMs, Long blockSec) {
        return new EvictionCandidate(peer(n), group, T0.plusSeconds(connectedSec),
                Optional.ofNullable(pingMs).map(Duration::ofMillis), Optional.ofNullable(blockSec).map(T0::plusSeconds));
    }

    @Test
    void protectsFastBlockRelayingAndOldPeersThenEvictsNewestOfTheLargestGroup() {
        List<EvictionCandidate> all = new ArrayList<>(List.of(
                c(1, "ip4:1.1", 100, 5L, null),      // fast: protected
                c(2, "ip4:1.1", 101, 6L, null),      // fast: protected
                c(3, "ip4:2.2", 102, 900L, 500L),    // useful blocks: protected
                c(4, "ip4:2.2", 103, 900L, 400L),    // useful blocks: protected
                c(5, "ip4:3.3", 1, 900L, null),      // oldest half of the rest: protected
                c(6, "ip4:3.3", 2, 900L, null),      // protected
                c(7, "ip4:4.4", 200, 900L, null),
                c(8, "ip4:4.4", 201, 900L, null),
                c(9, "ip4:5.5", 300, 900L, null),
                c(10, "ip4:4.4", 150, 900L, null)));
        // left after protection: 5..10 minus the oldest half (5, 6, 10) = 7, 8, 9; group 4.4 has two: newest is 8
        assertThat(policy.select(all)).map(EvictionCandidate::peer).contains(peer(8));
    }

    @Test
    void tiesBetweenGroupsGoToTheGroupWithTheNewestConnection() {
        List<EvictionCandidate> all = List.of(
                c(1, "a", 0, null, null), c(2, "b", 1, null, null),
                c(3, "a", 10, null, null), c(4, "b", 11, null, null));
        // oldest half (1, 2) protected; groups a and b have one each; b's is newer
        assertThat(policy.select(all)).map(EvictionCandidate::peer).contains(peer(4));
    }

    @Test
    void nothingToEvictWhenEveryoneIsProtected() {
        assertThat(policy.select(List.of(c(1, "a", 0, 5L, null), c(2, "a", 1, 6L, null)))).isEmpty();
        assertThat(policy.select(List.of())).isEmpty();
    }
}
