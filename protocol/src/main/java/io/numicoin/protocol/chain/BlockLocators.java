package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Headers-first sync helpers behind {@link BlockTree#locator}, {@code findFork}, {@code headersAfter}. */
final class BlockLocators {

    /** Entries listed one by one before the spacing starts doubling. */
    static final int DENSE_ENTRIES = 10;

    private BlockLocators() {
    }

    /**
     * The tip, its 9 parents, then ancestors at distances doubling each step (2, 4, 8, ...), then
     * genesis: about 10 + log2(height) ids.
     */
    static List<Hash256> locator(TreeNode tip) {
        List<Hash256> ids = new ArrayList<>();
        long step = 1;
        TreeNode walk = tip;
        while (true) {
            ids.add(walk.id);
            if (walk.height == 0) {
                return ids;
            }
            if (ids.size() >= DENSE_ENTRIES) {
                step *= 2;
            }
            walk = walk.ancestor(Math.max(walk.height - step, 0));
        }
    }

    /** The first id in {@code locator} that is on the branch ending at {@code tip}. */
    static Optional<Hash256> findFork(Map<Hash256, TreeNode> nodes, List<Hash256> locator, TreeNode tip) {
        for (Hash256 id : locator) {
            TreeNode node = nodes.get(id);
            if (node != null && tip.descendsFrom(node)) {
                return Optional.of(node.id);
            }
        }
        return Optional.empty();
    }

    /**
     * Up to {@code limit} headers of the branch ending at {@code tip}, from just above the last
     * block that {@code fork} and {@code tip} share, in ascending height.
     */
    static List<BlockHeader> headersAfter(TreeNode fork, TreeNode tip, int limit) {
        TreeNode start = TreeNode.lastCommonAncestor(fork, tip);
        long lastHeight = Math.min(tip.height, start.height + limit);
        List<BlockHeader> headers = new ArrayList<>((int) (lastHeight - start.height));
        for (TreeNode walk = tip.ancestor(lastHeight); walk != start; walk = walk.parent) {
            headers.add(walk.header);
        }
        Collections.reverse(headers);
        return headers;
    }
}
