package io.numicoin.protocol.difficulty;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigInteger;
import java.util.Objects;

/**
 * LWMA-1 (zawy12's linearly weighted moving average) over the last {@code window} solve times:
 *
 * <pre>
 *   next_target = avg(target_i) * sum(i * solvetime_i) / k,   k = N (N + 1) T / 2,   i = 1..N
 * </pre>
 *
 * with the reference's solve-time handling: a timestamp not after the previous (adjusted) one
 * counts as previous + 1 — so solve times are at least 1 s and out-of-order stamps cannot make
 * them negative — and each solve time is capped at {@code 6 T}. While the parent's height is at
 * most {@code N} the target is {@code powLimit}, as in the reference. The result is clamped to
 * {@code powLimit} and encoded in compact form (rounding down).
 *
 * <p>The reference divides each target by {@code N k} before summing to avoid 256-bit overflow;
 * with {@link BigInteger} there is none, so the sum is multiplied first and divided once, which
 * only removes the reference's low-order truncation.
 *
 * @param targetSpacingSeconds {@code T}, the ideal time between blocks
 * @param window {@code N}, the number of solve times averaged
 * @param powLimit the easiest allowed target
 */
public record LwmaDifficulty(long targetSpacingSeconds, int window, BigInteger powLimit)
        implements DifficultyAlgorithm {

    /** Solve times are capped at this many target spacings. */
    public static final long MAX_SOLVE_TIME_SPACINGS = 6;
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    public LwmaDifficulty {
        Objects.requireNonNull(powLimit, "powLimit");
        if (targetSpacingSeconds <= 0) {
            throw new IllegalArgumentException("target spacing must be positive: " + targetSpacingSeconds);
        }
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2: " + window);
        }
        if (powLimit.signum() <= 0 || powLimit.compareTo(TWO_256) >= 0) {
            throw new IllegalArgumentException("pow limit out of range: " + powLimit);
        }
    }

    @Override
    public CompactTarget nextTarget(HeaderChain parentChain) {
        long height = parentChain.tip().height();
        if (height <= window) {
            return CompactTarget.fromTarget(powLimit);
        }
        long maxSolveTime = MAX_SOLVE_TIME_SPACINGS * targetSpacingSeconds;
        long previousTimestamp = parentChain.atHeight(height - window).timestamp();
        long weightedSolveTimes = 0;
        BigInteger targetSum = BigInteger.ZERO;
        long weight = 0;
        for (long h = height - window + 1; h <= height; h++) {
            BlockHeader block = parentChain.atHeight(h);
            long timestamp = Math.max(block.timestamp(), previousTimestamp + 1);
            long solveTime = Math.min(maxSolveTime, timestamp - previousTimestamp);
            previousTimestamp = timestamp;
            weight++;
            weightedSolveTimes += solveTime * weight;
            targetSum = targetSum.add(block.target().toTarget());
        }
        long k = (long) window * (window + 1) * targetSpacingSeconds / 2;
        BigInteger next = targetSum.multiply(BigInteger.valueOf(weightedSolveTimes))
                .divide(BigInteger.valueOf(k).multiply(BigInteger.valueOf(window)));
        if (next.signum() == 0) {
            next = BigInteger.ONE;
        }
        return CompactTarget.fromTarget(next.min(powLimit));
    }
}
