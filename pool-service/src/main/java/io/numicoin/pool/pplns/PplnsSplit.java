package io.numicoin.pool.pplns;

import java.util.Map;

/**
 * A block's reward split: the pool's fee, and per payout address the weight counted in the window
 * and the amount in units. {@code fee + sum(amounts) == reward} exactly.
 *
 * @param firstShareId the oldest share inside the window (it may count in part)
 * @param windowWeight the total weight inside the window (N, or less when fewer shares exist)
 */
public record PplnsSplit(long reward, long fee, long windowWeight, long firstShareId, long lastShareId, Map<String, Long> weights,
        Map<String, Long> amounts) {

    public PplnsSplit {
        weights = Map.copyOf(weights);
        amounts = Map.copyOf(amounts);
    }
}
