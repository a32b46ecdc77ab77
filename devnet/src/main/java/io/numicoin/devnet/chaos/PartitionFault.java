package io.numicoin.devnet.chaos;

import io.numicoin.support.node.NodeChainTip;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link FaultKind#PARTITION_NODE}: a p2p partition with a fork on each side and a reorganisation of
 * the event source when it heals.
 * <ol>
 *   <li>node2 switches its p2p networking off ({@code network-off}): node1, node3 and node4 with the
 *       first miner on one side, node2 with miner2 (which builds on node2's own tip) on the other;
 *       every API stays up, so the load goes on through node2 as well;</li>
 *   <li>after the downtime, until both sides have added blocks of their own (at most
 *       {@link #DIVERGE_LIMIT});</li>
 *   <li>the first miner is held (SIGSTOP) until node2's branch has more work than node1's (at most
 *       {@link #LEAD_LIMIT}): the hash power of the run ends up on node2's side, so the heal cannot be
 *       decided in node1's favour (where only node2 would reorganise, which {@code numi.chain.v1} never
 *       shows);</li>
 *   <li>node2's networking on again ({@code network-on}): it dials node1, and node1 (then node3, node4)
 *       reorganises onto node2's branch: blocks disconnected on {@code numi.chain.v1}, their transfers
 *       back to the mempool. The first miner is let go once node1 is on node2's tip (at most
 *       {@link #CONVERGE_LIMIT}).</li>
 * </ol>
 * A limit passed is said in the progress and the run goes on: the checker and {@code chaos.reorgs} tell.
 */
final class PartitionFault {

    static final Duration DIVERGE_LIMIT = Duration.ofSeconds(60);
    static final Duration LEAD_LIMIT = Duration.ofSeconds(60);
    static final Duration CONVERGE_LIMIT = Duration.ofSeconds(90);
    private static final String EVENT_SOURCE = "node1";
    private static final String FIRST_MINER = "miner";

    private final FaultTarget target;
    private final Consumer<String> progress;

    PartitionFault(FaultTarget target, Consumer<String> progress) {
        this.target = target;
        this.progress = progress;
    }

    void apply(String node, Duration downtime) throws IOException, InterruptedException {
        target.networkOff(node);
        boolean held = false;
        try {
            // read once cut off: a block crossing just before the cut must not count as a side's own
            NodeChainTip node1Before = target.tip(EVENT_SOURCE);
            NodeChainTip nodeBefore = target.tip(node);
            Thread.sleep(downtime.toMillis());
            boolean diverged = await(DIVERGE_LIMIT, node, (one, other) ->
                    one.height() > node1Before.height() && other.height() > nodeBefore.height());
            say(diverged ? "both sides mined" : "a side did not mine within " + DIVERGE_LIMIT.toSeconds() + " s", node);
            target.freeze(FIRST_MINER);
            held = true;
            boolean leads = await(LEAD_LIMIT, node, (one, other) -> other.cumulativeWork().compareTo(one.cumulativeWork()) > 0);
            say(leads ? "the first miner held, " + node + "'s branch has more work; healing"
                    : node + "'s branch has not got more work within " + LEAD_LIMIT.toSeconds() + " s; healing anyway", node);
        } finally {
            target.networkOn(node);
        }
        try {
            boolean converged = await(CONVERGE_LIMIT, node, (one, other) -> one.tipId().equals(other.tipId()));
            say(converged ? "healed: node1 on " + node + "'s tip" : "node1 not on " + node + "'s tip after "
                    + CONVERGE_LIMIT.toSeconds() + " s", node);
        } finally {
            if (held) {
                target.thaw(FIRST_MINER);
            }
        }
    }

    /** Polls node1's and {@code node}'s tips until {@code condition} holds or {@code limit} passes; a node not answering is a no. */
    private boolean await(Duration limit, String node, TipCondition condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Optional<NodeChainTip> one = tip(EVENT_SOURCE);
            Optional<NodeChainTip> other = tip(node);
            if (one.isPresent() && other.isPresent() && condition.holds(one.get(), other.get())) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(250);
        }
    }

    private Optional<NodeChainTip> tip(String node) {
        try {
            return Optional.of(target.tip(node));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void say(String what, String node) {
        progress.accept("  partition of " + node + ": " + what + " (" + describe(EVENT_SOURCE) + ", " + describe(node) + ")");
    }

    private String describe(String node) {
        return tip(node).map(t -> node + " at " + t.height()).orElse(node + " not answering");
    }

    /** A condition on node1's tip and the cut-off node's. */
    @FunctionalInterface
    private interface TipCondition {
        boolean holds(NodeChainTip node1, NodeChainTip cutOff);
    }
}
