package io.numicoin.devnet.chaos;

/** The faults a chaos run applies, each to one part of the devnet. */
public enum FaultKind {
    /** {@code kill -9} of node1, the deployment's event source, then a restart. */
    KILL_EVENT_SOURCE("node1"),
    /** {@code kill -9} of node2, a plain node (the second miner's upstream), then a restart. */
    KILL_PLAIN_NODE("node2"),
    /** {@code kill -9} of the mempool, then a restart (it reloads its pool from PostgreSQL). */
    KILL_MEMPOOL("mempool"),
    /** {@code kill -9} of the first miner, then a restart. */
    KILL_MINER("miner"),
    /** The Kafka broker stopped, then started again on its kept log directory. */
    KAFKA_RESTART("kafka"),
    /** The devnet's own PostgreSQL (never the machine's) stopped (fast shutdown), then started again. */
    POSTGRES_RESTART("postgres"),
    /**
     * node2 (miner2's upstream) cut off from its peers by its own network switch ({@code POST /admin/network-off}:
     * no peer, no dial, its API and miner2 go on) while both miners extend their side; healed
     * ({@code network-on}) once node2's branch has more work, so node1 reorganises ({@link PartitionFault}).
     */
    PARTITION_NODE("node2"),
    /** node3 frozen (SIGSTOP): its peers' connections and its API go silent; then thawed (SIGCONT). */
    FREEZE_NODE("node3");

    private final String target;

    FaultKind(String target) {
        this.target = target;
    }

    /** The service (or {@code kafka}, {@code postgres}) the fault hits. */
    public String target() {
        return target;
    }
}
