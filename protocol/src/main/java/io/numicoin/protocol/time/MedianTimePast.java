package io.numicoin.protocol.time;

import io.numicoin.protocol.block.HeaderChain;
import java.util.Arrays;

/**
 * The median time past of a branch: the median timestamp of its last
 * {@value TimeRules#MEDIAN_TIME_SPAN} blocks (the tip and its ten ancestors), or of all its
 * blocks while it has fewer. Timestamps need not be in order; they are sorted first. For an even
 * count (only on branches shorter than eleven blocks) the upper of the two middle values is
 * taken, as in Bitcoin: no averaging, so the result is always one of the timestamps.
 */
public final class MedianTimePast {

    private MedianTimePast() {
    }

    /** The median time past of {@code chain}, in Unix seconds. */
    public static long of(HeaderChain chain) {
        long tipHeight = chain.tip().height();
        long first = Math.max(0, tipHeight - TimeRules.MEDIAN_TIME_SPAN + 1);
        long[] timestamps = new long[(int) (tipHeight - first + 1)];
        for (int i = 0; i < timestamps.length; i++) {
            timestamps[i] = chain.atHeight(first + i).timestamp();
        }
        Arrays.sort(timestamps);
        return timestamps[timestamps.length / 2];
    }
}
