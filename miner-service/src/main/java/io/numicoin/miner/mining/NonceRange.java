package io.numicoin.miner.mining;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of header nonces {@code start, start + 1, ..., start + size - 1} (unsigned 64-bit; the
 * last range ends at 2^64 - 1). {@link #split} gives threads disjoint ranges covering all 2^64 nonces.
 */
public record NonceRange(long start, long size) {

    public NonceRange {
        if (size == 0) {
            throw new IllegalArgumentException("a nonce range is not empty");
        }
    }

    /** The nonce at {@code offset} into this range (offset below {@link #size()}, unsigned). */
    public long nonceAt(long offset) {
        return start + offset;
    }

    /** The last nonce of the range. */
    public long last() {
        return start + size - 1;
    }

    /**
     * Splits the 2^64 nonces into {@code parts} disjoint, contiguous ranges of (almost) equal size,
     * in order; the last one takes the remainder.
     */
    public static List<NonceRange> split(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("at least one part: " + parts);
        }
        long size = Long.divideUnsigned(-1L, parts); // floor((2^64 - 1) / parts)
        List<NonceRange> ranges = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            long start = size * i;
            long rangeSize = i == parts - 1 ? -1L - start + 1 : size; // last: through 2^64 - 1
            ranges.add(new NonceRange(start, rangeSize == 0 ? -1L : rangeSize));
        }
        return List.copyOf(ranges);
    }
}
