package io.numicoin.events;

import java.time.Duration;
import java.util.List;

/**
 * The Kafka topics of a NumiCoin deployment and the settings the event-source node creates them
 * with. A topic name carries its version ({@code numi.<stream>.v<N>}): within a version, changes are
 * additive only (see {@code docs/events.md}); anything else is a new topic.
 */
public final class Topics {

    /** Block connected / disconnected, in the order the node applied them: total order, one partition. */
    public static final String CHAIN = "numi.chain.v1";
    /** A transaction seen from the API or a peer, not yet validated against state. */
    public static final String TX = "numi.tx.v1";
    /** A transaction accepted into or removed from the mempool. */
    public static final String MEMPOOL = "numi.mempool.v1";
    /** An observation of a peer: reachable or not, its agent and height. */
    public static final String PEERS = "numi.peers.v1";

    private static final int MIB = 1024 * 1024;

    /** Chain events carry full blocks (up to 2 MiB); 4 MiB leaves room for the envelope and batching. */
    public static final TopicSettings CHAIN_SETTINGS =
            new TopicSettings(CHAIN, 1, 4 * MIB, Duration.ofDays(30), TopicSettings.CleanupPolicy.DELETE);
    public static final TopicSettings TX_SETTINGS =
            new TopicSettings(TX, 6, MIB, Duration.ofDays(1), TopicSettings.CleanupPolicy.DELETE);
    public static final TopicSettings MEMPOOL_SETTINGS =
            new TopicSettings(MEMPOOL, 6, MIB, Duration.ofDays(3), TopicSettings.CleanupPolicy.DELETE);
    public static final TopicSettings PEERS_SETTINGS =
            new TopicSettings(PEERS, 3, MIB, Duration.ofDays(7), TopicSettings.CleanupPolicy.DELETE);

    private Topics() {
    }

    /** Every topic's settings, in the order above. */
    public static List<TopicSettings> all() {
        return List.of(CHAIN_SETTINGS, TX_SETTINGS, MEMPOOL_SETTINGS, PEERS_SETTINGS);
    }
}
