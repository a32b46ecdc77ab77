package io.numicoin.protocol.chain;

import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How to move the connected tip from one block to another: disconnect {@link #disconnect()} in
 * order (current tip first, down to the block just above the fork point), then connect
 * {@link #connect()} in order (the block just above the fork point first, the new tip last).
 * A plain extension has an empty disconnect list; moving back to an ancestor an empty connect list.
 *
 * @param forkPoint the last block both tips share
 */
public record ReorgPlan(Hash256 forkPoint, List<Hash256> disconnect, List<Hash256> connect) {

    public ReorgPlan {
        Objects.requireNonNull(forkPoint, "forkPoint");
        disconnect = List.copyOf(disconnect);
        connect = List.copyOf(connect);
    }

    /** True when nothing is disconnected. */
    public boolean isExtension() {
        return disconnect.isEmpty();
    }

    /** The plan from {@code current} to {@code target}; cost O(log n + plan length). */
    static ReorgPlan between(TreeNode current, TreeNode target) {
        TreeNode fork = TreeNode.lastCommonAncestor(current, target);
        List<Hash256> disconnect = new ArrayList<>();
        for (TreeNode walk = current; walk != fork; walk = walk.parent) {
            disconnect.add(walk.id);
        }
        List<Hash256> connect = new ArrayList<>();
        for (TreeNode walk = target; walk != fork; walk = walk.parent) {
            connect.add(walk.id);
        }
        Collections.reverse(connect);
        return new ReorgPlan(fork.id, disconnect, connect);
    }
}
