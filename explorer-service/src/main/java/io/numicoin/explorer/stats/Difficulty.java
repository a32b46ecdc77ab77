package io.numicoin.explorer.stats;

import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** Difficulty as explorers show it: how many times harder than the easiest allowed target a target is. */
final class Difficulty {

    private Difficulty() {
    }

    static double of(CompactTarget target, BigInteger powLimit) {
        return new BigDecimal(powLimit).divide(new BigDecimal(target.toTarget()), MathContext.DECIMAL64).doubleValue();
    }
}
