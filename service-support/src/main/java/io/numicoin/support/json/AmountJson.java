package io.numicoin.support.json;

import java.math.BigDecimal;

/**
 * An amount in every service's JSON: base units (exact, 1 NUMI = 10^8 units) and decimal NUMI with 8
 * decimals, e.g. {@code {"units": 8888000000, "numi": "88.88000000"}}; the node and the mempool
 * both write amounts with it. Fee rates are not amounts: they stay plain numbers (units per 1,000 bytes).
 */
public record AmountJson(long units, String numi) {

    public static AmountJson of(long units) {
        return new AmountJson(units, BigDecimal.valueOf(units, 8).toPlainString());
    }

    /** A chain id in every service's JSON: 8 lowercase hex digits, e.g. {@code "4e554d52"}. */
    public static String chainId(int chainId) {
        return String.format("%08x", chainId);
    }
}
