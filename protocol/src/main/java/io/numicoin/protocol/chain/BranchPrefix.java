package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;

/** The branch {@code base} up to {@code height}: the branch of one of its ancestors, without the tree. */
record BranchPrefix(HeaderChain base, long height) implements HeaderChain {

    BranchPrefix {
        if (height < 0 || height > base.tip().height()) {
            throw new IllegalArgumentException("height " + height + " is not on a branch of height " + base.tip().height());
        }
    }

    @Override
    public BlockHeader tip() {
        return base.atHeight(height);
    }

    @Override
    public BlockHeader atHeight(long at) {
        if (at > height) {
            throw new IllegalArgumentException("height " + at + " is above the branch's tip at " + height);
        }
        return base.atHeight(at);
    }
}
