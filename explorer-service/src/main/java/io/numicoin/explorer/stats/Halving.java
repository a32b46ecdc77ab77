package io.numicoin.explorer.stats;

/**
 * One halving of the subsidy schedule: from {@code height} on the subsidy is {@code subsidyAfter}
 * base units; {@code supplyBefore} is every unit created below it.
 */
public record Halving(int index, long height, long subsidyAfter, long supplyBefore) {
}
