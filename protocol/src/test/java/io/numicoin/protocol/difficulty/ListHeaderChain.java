package io.numicoin.protocol.difficulty;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.CompactTarget;
import java.util.ArrayList;
import java.util.List;

/** An in-memory branch for tests: headers at heights 0..n-1, only timestamps and targets matter. */
public record ListHeaderChain(List<BlockHeader> headers) implements HeaderChain {

    public ListHeaderChain {
        headers = List.copyOf(headers);
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a branch has at least its genesis");
        }
    }

    /** A branch of just a genesis header. */
    public static ListHeaderChain genesis(long timestamp, CompactTarget target) {
        return new ListHeaderChain(List.of(header(0, timestamp, target)));
    }

    /** A branch whose blocks all carry {@code target} and the given timestamps, genesis first. */
    public static ListHeaderChain of(CompactTarget target, long... timestamps) {
        List<BlockHeader> headers = new ArrayList<>();
        for (int h = 0; h < timestamps.length; h++) {
            headers.add(header(h, timestamps[h], target));
        }
        return new ListHeaderChain(headers);
    }

    /** This branch extended by one block. */
    public ListHeaderChain extend(long timestamp, CompactTarget target) {
        List<BlockHeader> longer = new ArrayList<>(headers);
        longer.add(header(headers.size(), timestamp, target));
        return new ListHeaderChain(longer);
    }

    /** A header for the block after this branch's tip; it is not appended. */
    public BlockHeader next(long timestamp, CompactTarget target) {
        return header(headers.size(), timestamp, target);
    }

    /** The branch cut back to {@code height} as its tip. */
    public ListHeaderChain upTo(long height) {
        return new ListHeaderChain(headers.subList(0, (int) height + 1));
    }

    public static BlockHeader header(long height, long timestamp, CompactTarget target) {
        return new BlockHeader(BlockHeader.CURRENT_VERSION, height, Hash256.ZERO, Hash256.ZERO, Hash256.ZERO,
                timestamp, target, 0);
    }

    @Override
    public BlockHeader tip() {
        return headers.getLast();
    }

    @Override
    public BlockHeader atHeight(long height) {
        if (height < 0 || height >= headers.size()) {
            throw new IllegalArgumentException("no block at height " + height);
        }
        return headers.get((int) height);
    }
}
