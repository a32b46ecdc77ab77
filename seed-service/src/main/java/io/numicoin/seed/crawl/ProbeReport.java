package io.numicoin.seed.crawl;

import io.numicoin.seed.peers.Observation;
import io.numicoin.seed.peers.TcpAddress;
import java.util.List;
import java.util.Objects;

/**
 * What a visit to one peer showed, and the addresses it gave (at most {@link #MAX_LEARNT}: a peer
 * cannot make the crawler hold more than that of its claims per visit).
 */
public record ProbeReport(Observation observation, List<TcpAddress> learnt) {

    public static final int MAX_LEARNT = 64;

    public ProbeReport {
        Objects.requireNonNull(observation, "observation");
        learnt = learnt.stream().limit(MAX_LEARNT).toList();
    }

    public static ProbeReport of(Observation observation) {
        return new ProbeReport(observation, List.of());
    }
}
