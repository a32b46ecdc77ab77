package io.numicoin.bench;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.CompactTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * A growing branch for the difficulty simulation: only heights, timestamps and targets are real.
 * Mutable and single-threaded; it lives inside one simulation run.
 */
final class SimulatedChain implements HeaderChain {

    private final List<BlockHeader> headers = new ArrayList<>();

    SimulatedChain(long genesisTime, CompactTarget genesisTarget) {
        append(genesisTime, genesisTarget);
    }

    void append(long timestamp, CompactTarget target) {
        headers.add(new BlockHeader(BlockHeader.CURRENT_VERSION, headers.size(), Hash256.ZERO, Hash256.ZERO,
                Hash256.ZERO, timestamp, target, 0));
    }

    @Override
    public BlockHeader tip() {
        return headers.getLast();
    }

    @Override
    public BlockHeader atHeight(long height) {
        return headers.get(Math.toIntExact(height));
    }
}
