package io.numicoin.explorer.stats;

import java.util.List;

/**
 * Money at the read model's tip (base units), from the protocol's subsidy schedule: created so far,
 * the most that can ever exist, the subsidy now and after the next halving, when that halving comes
 * (its height, blocks left, seconds left at the target spacing; null once the subsidy is zero) and the
 * schedule's halvings from the current era on while they still halve something.
 */
public record SupplyView(long height, long supply, long maxSupply, double supplyPercent, long subsidy,
        int era, long halvingInterval, Long nextHalvingHeight, Long blocksToHalving, Long secondsToHalving,
        Long subsidyAfterHalving, List<Halving> halvings) {
}
