package io.numicoin.explorer.stats;

import io.numicoin.explorer.store.PostgresExplorerStore;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import java.util.HashMap;
import java.util.Map;

/**
 * The read model's active chain up to {@code tip} as the protocol's {@link HeaderChain}, each header
 * read when a difficulty rule asks for it and kept for this one computation. Use it inside one
 * repeatable-read transaction, so a reorg in between cannot mix branches.
 */
final class ReadModelHeaderChain implements HeaderChain {

    private final PostgresExplorerStore store;
    private final BlockHeader tip;
    private final Map<Long, BlockHeader> read = new HashMap<>();

    ReadModelHeaderChain(PostgresExplorerStore store, BlockHeader tip) {
        this.store = store;
        this.tip = tip;
        read.put(tip.height(), tip);
    }

    @Override
    public BlockHeader tip() {
        return tip;
    }

    @Override
    public BlockHeader atHeight(long height) {
        if (height < 0 || height > tip.height()) {
            throw new IllegalArgumentException("height " + height + " is not within 0.." + tip.height());
        }
        return read.computeIfAbsent(height, h -> store.activeHeaderAt(h)
                .orElseThrow(() -> new IllegalStateException("the read model has no active block at " + h)));
    }
}
