package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;

/**
 * The {@link HeaderChain} from genesis to one tip of a {@link BlockTree}. The tree never removes
 * or relinks a block, so the view stays correct however the tree grows; {@link #atHeight} is
 * O(log n) through the skip pointers.
 */
final class BranchView implements HeaderChain {

    private final TreeNode tip;

    BranchView(TreeNode tip) {
        this.tip = tip;
    }

    @Override
    public BlockHeader tip() {
        return tip.header;
    }

    @Override
    public BlockHeader atHeight(long height) {
        return tip.ancestor(height).header;
    }
}
