package io.numicoin.pool.share;

import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigInteger;

/**
 * Share difficulty, a whole number {@code d >= 1}: a share's PoW hash must be at most
 * {@code floor((2^256 - 1) / d)}, so one hash in about {@code d} is a share and a worker's hash
 * rate is the sum of its shares' difficulties per second. Difficulty 1 accepts every hash.
 */
public final class Difficulty {

    static final BigInteger MAX_HASH = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private Difficulty() {
    }

    public static BigInteger target(long difficulty) {
        if (difficulty < 1) {
            throw new IllegalArgumentException("difficulty is at least 1: " + difficulty);
        }
        return MAX_HASH.divide(BigInteger.valueOf(difficulty));
    }

    /** The (rounded down, at least 1) difficulty of a block target. */
    public static long ofBlock(CompactTarget target) {
        BigInteger d = MAX_HASH.divide(target.toTarget().max(BigInteger.ONE));
        return d.bitLength() > 62 ? Long.MAX_VALUE : Math.max(1, d.longValue());
    }

    public static boolean meets(Hash256 powHash, long difficulty) {
        return new BigInteger(1, powHash.toArray()).compareTo(target(difficulty)) <= 0;
    }

    /** The target as 64 hex digits (what the client compares its hashes with). */
    public static String targetHex(long difficulty) {
        return String.format("%064x", target(difficulty));
    }
}
