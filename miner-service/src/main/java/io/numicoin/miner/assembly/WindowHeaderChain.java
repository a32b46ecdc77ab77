package io.numicoin.miner.assembly;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * A branch known by its genesis and its most recent headers (enough for the median time past and
 * the difficulty window); any other height is fetched on demand through {@code fetch}.
 */
public final class WindowHeaderChain implements HeaderChain {

    private final Map<Long, BlockHeader> headers = new TreeMap<>();
    private final BlockHeader tip;
    private final LongFunction<BlockHeader> fetch;

    /**
     * @param genesis the network's genesis header
     * @param recent consecutive headers ending at the tip, ascending
     * @param fetch the header at a height not in {@code recent} (on the same branch)
     */
    public WindowHeaderChain(BlockHeader genesis, List<BlockHeader> recent, LongFunction<BlockHeader> fetch) {
        Objects.requireNonNull(genesis, "genesis");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        headers.put(0L, genesis);
        for (int i = 0; i < recent.size(); i++) {
            BlockHeader header = recent.get(i);
            if (i > 0 && header.height() != recent.get(i - 1).height() + 1) {
                throw new IllegalArgumentException("headers are not consecutive at height " + header.height());
            }
            headers.put(header.height(), header);
        }
        this.tip = recent.isEmpty() ? genesis : recent.getLast();
    }

    @Override
    public BlockHeader tip() {
        return tip;
    }

    @Override
    public BlockHeader atHeight(long height) {
        if (height < 0 || height > tip.height()) {
            throw new IllegalArgumentException("height " + height + " outside 0.." + tip.height());
        }
        return headers.computeIfAbsent(height, fetch::apply);
    }
}
