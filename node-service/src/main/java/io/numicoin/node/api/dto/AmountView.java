package io.numicoin.node.api.dto;

import io.numicoin.protocol.money.Amount;

/**
 * An amount both ways: base units (exact, 1 NUMI = 10^8 units) and decimal NUMI with 8 decimals.
 *
 * @param numi e.g. {@code "88.88000000"}
 */
public record AmountView(long units, String numi) {

    public static AmountView of(Amount amount) {
        return new AmountView(amount.units(), amount.toNumiString());
    }
}
