package io.numicoin.protocol.difficulty;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigInteger;
import java.util.Objects;

/**
 * ASERT difficulty, the aserti3-2d algorithm of Bitcoin Cash (activated 2020-11-15), bit for bit:
 *
 * <pre>
 *   next_target = anchor_target * 2^((time_diff - spacing * (height_diff + 1)) / half_life)
 * </pre>
 *
 * computed with integers only: the exponent in 16-bit fixed point (truncating division), its
 * integer part applied as a shift (flooring), its fraction through the spec's cubic approximation
 * of {@code 2^x}, the result clamped to {@code [1, powLimit]} and encoded in compact form
 * (rounding down).
 *
 * <p>The anchor is block 1, the first block after genesis, not genesis itself (as Bitcoin Cash
 * anchors at a block after its fork rather than at its genesis): block 1 carries the network's
 * {@code initialTarget}, set at launch from the hash rate expected then (docs/launch.md), and the
 * schedule starts at block 1's own timestamp. aserti3-2d measures {@code time_diff} from the
 * anchor's parent; NumiCoin takes {@code anchor.timestamp - spacing} in its place, so the block
 * after the anchor carries the anchor's target, a branch that keeps to the schedule keeps it, and
 * the time between genesis and the first block (the days a launch may take after the genesis time
 * was chosen) earns no catch-up burst. For heights 2 and up {@code height_diff} is the parent's
 * height minus 1 and the target is block 1's.
 *
 * <p>One departure, with no effect on results: the reference requires {@code powLimit < 2^224}
 * to leave room for overflow in 256-bit arithmetic. Here the arithmetic is {@link BigInteger},
 * which cannot overflow, so any {@code powLimit < 2^256} is allowed; wherever the reference is
 * defined, both give the same target (the reference maps its overflow case to {@code powLimit},
 * exactly what the clamp does here with the unbounded value).
 *
 * @param targetSpacingSeconds the ideal time between blocks
 * @param halfLifeSeconds the schedule deviation that halves (ahead) or doubles (behind) the target
 * @param powLimit the easiest allowed target
 * @param initialTarget the target of block 1, the anchor; at most {@code powLimit}
 */
public record AsertDifficulty(long targetSpacingSeconds, long halfLifeSeconds, BigInteger powLimit,
        CompactTarget initialTarget) implements DifficultyAlgorithm {

    /** The anchor's height: the first block after genesis. */
    public static final long ANCHOR_HEIGHT = 1;

    /** Width of the fractional part of the exponent, in bits (16-bit fixed point). */
    private static final int RADIX_BITS = 16;
    private static final long RADIX = 1L << RADIX_BITS;
    /** The reference rejects exponent numerators at or beyond this bound. */
    private static final long MAX_SCHEDULE_DEVIATION = 1L << (63 - RADIX_BITS);
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    public AsertDifficulty {
        Objects.requireNonNull(powLimit, "powLimit");
        if (targetSpacingSeconds <= 0) {
            throw new IllegalArgumentException("target spacing must be positive: " + targetSpacingSeconds);
        }
        if (halfLifeSeconds <= 0) {
            throw new IllegalArgumentException("half-life must be positive: " + halfLifeSeconds);
        }
        if (powLimit.signum() <= 0 || powLimit.compareTo(TWO_256) >= 0) {
            throw new IllegalArgumentException("pow limit out of range: " + powLimit);
        }
        Objects.requireNonNull(initialTarget, "initialTarget");
        if (initialTarget.toTarget().signum() <= 0 || initialTarget.toTarget().compareTo(powLimit) > 0) {
            throw new IllegalArgumentException("initial target " + initialTarget + " is not within 1..pow limit");
        }
    }

    @Override
    public CompactTarget nextTarget(HeaderChain parentChain) {
        BlockHeader parent = parentChain.tip();
        if (parent.height() < ANCHOR_HEIGHT) {
            return initialTarget;
        }
        BlockHeader anchor = parentChain.atHeight(ANCHOR_HEIGHT);
        BigInteger anchorTarget = anchor.target().toTarget();
        if (anchorTarget.signum() <= 0 || anchorTarget.compareTo(powLimit) > 0) {
            throw new IllegalStateException("anchor target " + anchor.target() + " is not within 1..pow limit");
        }
        long anchorParentTime = anchor.timestamp() - targetSpacingSeconds;
        long timeDiff = parent.timestamp() - anchorParentTime;
        long heightDiff = parent.height() - anchor.height();
        return CompactTarget.fromTarget(target(anchorTarget, timeDiff, heightDiff));
    }

    /**
     * The aserti3-2d core ({@code CalculateASERT} in the reference): the full target of the block
     * after a parent that is {@code heightDiff} blocks and {@code timeDiff} seconds past the
     * anchor's parent.
     *
     * @param anchorTarget the anchor block's target, in {@code [1, powLimit]}
     * @param timeDiff parent timestamp minus the anchor's parent timestamp (may be negative)
     * @param heightDiff parent height minus anchor height, not negative
     * @return a target in {@code [1, powLimit]}
     * @throws ArithmeticException if the schedule deviation is beyond what the reference accepts
     */
    public BigInteger target(BigInteger anchorTarget, long timeDiff, long heightDiff) {
        if (anchorTarget.signum() <= 0 || anchorTarget.compareTo(powLimit) > 0) {
            throw new IllegalArgumentException("anchor target out of range: " + anchorTarget);
        }
        if (heightDiff < 0) {
            throw new IllegalArgumentException("height difference must not be negative: " + heightDiff);
        }
        long deviation = Math.subtractExact(timeDiff,
                Math.multiplyExact(targetSpacingSeconds, Math.addExact(heightDiff, 1)));
        if (deviation >= MAX_SCHEDULE_DEVIATION || deviation <= -MAX_SCHEDULE_DEVIATION) {
            throw new ArithmeticException("schedule deviation out of range: " + deviation);
        }
        // Java's / truncates toward zero, like C++: the reference relies on that here.
        long exponent = deviation * RADIX / halfLifeSeconds;
        // >> floors (the reference requires an arithmetic shift); the mask keeps the fraction.
        long shifts = exponent >> RADIX_BITS;
        long frac = exponent & (RADIX - 1);
        BigInteger next = anchorTarget.multiply(BigInteger.valueOf(RADIX + fractionFactor(frac)));
        shifts -= RADIX_BITS;
        if (shifts > 256) {
            return powLimit; // next >= 2^16 * 2^257: far above any pow limit
        }
        next = shifts <= 0 ? next.shiftRight((int) Math.min(-shifts, 512)) : next.shiftLeft((int) shifts);
        if (next.signum() == 0) {
            return BigInteger.ONE; // 0 is not a valid target, 1 is
        }
        return next.min(powLimit);
    }

    /**
     * {@code 65536 * (2^(frac/65536) - 1)} by the reference's cubic,
     * {@code 2^x ~ 1 + 0.695502049 x + 0.2262698 x^2 + 0.0782318 x^3} on {@code [0, 1)}, rounded
     * half up. The sum stays below 2^64 as an unsigned number; Java's signed {@code long} wraps
     * with the same bits, and the unsigned shift reads them back.
     */
    private static long fractionFactor(long frac) {
        long sum = 195_766_423_245_049L * frac
                + 971_821_376L * frac * frac
                + 5_127L * frac * frac * frac
                + (1L << 47);
        return sum >>> 48;
    }
}
