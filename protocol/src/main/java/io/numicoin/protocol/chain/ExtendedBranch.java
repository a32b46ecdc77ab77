package io.numicoin.protocol.chain;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import java.util.List;

/**
 * A branch of the tree followed by headers that are not (yet) in it: what the difficulty and time
 * rules look back along when a batch of headers is checked before any of it is stored. A view,
 * not a copy: {@code above} is read as it is when asked (the batch check appends to it after each
 * header).
 */
record ExtendedBranch(HeaderChain base, List<BlockHeader> above) implements HeaderChain {

    @Override
    public BlockHeader tip() {
        return above.isEmpty() ? base.tip() : above.getLast();
    }

    @Override
    public BlockHeader atHeight(long height) {
        long baseHeight = base.tip().height();
        if (height <= baseHeight) {
            return base.atHeight(height);
        }
        long index = height - baseHeight - 1;
        if (index >= above.size()) {
            throw new IllegalArgumentException("height " + height + " is above the branch's tip at " + tip().height());
        }
        return above.get((int) index);
    }
}
