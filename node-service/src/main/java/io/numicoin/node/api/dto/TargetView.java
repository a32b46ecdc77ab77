package io.numicoin.node.api.dto;

import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * A proof-of-work target.
 *
 * @param bits the compact form, 8 lower-case hex digits (e.g. {@code "207fffff"})
 * @param target the full 256-bit target, 64 lower-case hex digits
 * @param difficulty how many times harder than the network's easiest target (pow limit / target)
 */
public record TargetView(String bits, String target, double difficulty) {

    public static TargetView of(CompactTarget compact, BigInteger powLimit) {
        BigInteger target = compact.toTarget();
        double difficulty = new BigDecimal(powLimit).divide(new BigDecimal(target), MathContext.DECIMAL64).doubleValue();
        return new TargetView(String.format("%08x", compact.bits()), String.format("%064x", target), difficulty);
    }
}
