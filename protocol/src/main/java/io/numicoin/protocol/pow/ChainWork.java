package io.numicoin.protocol.pow;

import java.math.BigInteger;

/** Work arithmetic: a block's work is {@code 2^256 / (target + 1)}; chains compare by the sum. */
public final class ChainWork {

    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    private ChainWork() {
    }

    public static BigInteger ofTarget(BigInteger target) {
        return TWO_256.divide(target.add(BigInteger.ONE));
    }
}
