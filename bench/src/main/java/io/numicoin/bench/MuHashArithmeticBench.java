package io.numicoin.bench;

import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.state.MuHash3072;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntUnaryOperator;

/**
 * Finalising a MuHash3072 fraction (one modular inverse and one product: once per block) with its
 * safegcd inverse against the same with {@code BigInteger.modInverse}, which it replaced: the peer
 * inverts the denominator with {@code BigInteger}, then multiplies through MuHash3072's own public
 * operations (two 384-byte parses more than the own path, a few µs of hundreds). One core's CPU
 * time, a warm-up of each, then interleaved windows ({@link InterleavedRatio}); the ratio is own
 * rate over BigInteger's (above 1: faster). Both must agree on every value first. About 10 s.
 */
final class MuHashArithmeticBench implements BenchPart {

    private static final long WARM_UP_NANOS = 1_500_000_000L;
    private static final long WINDOW_NANOS = 400_000_000L;
    private static final int WINDOWS = 7;
    private static final int VALUES = 64;
    private static final BigInteger PRIME = BigInteger.ONE.shiftLeft(3072).subtract(BigInteger.valueOf(1_103_717));

    @Override
    public String name() {
        return "MuHash3072 finalisation (safegcd vs BigInteger.modInverse)";
    }

    @Override
    public void run(FigureSink out) {
        Random random = new Random(3);
        MuHash3072[] fractions = new MuHash3072[VALUES];
        byte[][] numerators = new byte[VALUES][];
        BigInteger[] denominators = new BigInteger[VALUES];
        for (int i = 0; i < VALUES; i++) {
            numerators[i] = fixed(new BigInteger(3072, random).mod(PRIME));
            denominators[i] = new BigInteger(3072, random).mod(PRIME);
            byte[] serialized = Arrays.copyOf(numerators[i], MuHash3072.SERIALIZED_BYTES);
            System.arraycopy(fixed(denominators[i]), 0, serialized, MuHash3072.ELEMENT_BYTES, MuHash3072.ELEMENT_BYTES);
            fractions[i] = parse(serialized, false);
            if (!Arrays.equals(fractions[i].finalizeBytes(), withBigIntegerInverse(numerators[i], denominators[i]))) {
                throw new IllegalStateException("safegcd and BigInteger.modInverse disagree on value " + i);
            }
        }
        IntUnaryOperator own = i -> fractions[i & (VALUES - 1)].finalizeBytes()[0];
        IntUnaryOperator peer = i -> withBigIntegerInverse(numerators[i & (VALUES - 1)], denominators[i & (VALUES - 1)])[0];
        ThreadCpuRate.of(own, WARM_UP_NANOS);
        ThreadCpuRate.of(peer, WARM_UP_NANOS);
        InterleavedRatio.Result result;
        try {
            result = InterleavedRatio.measure(0, WINDOWS, round -> ThreadCpuRate.of(own, WINDOW_NANOS),
                    round -> ThreadCpuRate.of(peer, WINDOW_NANOS));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        out.report("protocol.state.muhash.finalize_us", 1e6 / result.medianA(), "us");
        out.report("protocol.state.muhash.finalize_biginteger_us", 1e6 / result.medianB(), "us");
        result.report(out, "protocol.state.muhash.finalize.own_over_biginteger");
    }

    /** {@code numerator / denominator}, the inverse by {@code BigInteger}, the product by MuHash3072. */
    private static byte[] withBigIntegerInverse(byte[] numerator, BigInteger denominator) {
        MuHash3072 inverse = parse(fixed(denominator.modInverse(PRIME)), true);
        return parse(numerator, true).combine(inverse).finalizeBytes();
    }

    private static MuHash3072 parse(byte[] bytes, boolean finalized) {
        try {
            return finalized ? MuHash3072.fromFinalizedBytes(bytes) : MuHash3072.fromBytes(bytes);
        } catch (DecodeException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fixed(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[MuHash3072.ELEMENT_BYTES];
        int length = Math.min(raw.length, MuHash3072.ELEMENT_BYTES);
        System.arraycopy(raw, raw.length - length, out, MuHash3072.ELEMENT_BYTES - length, length);
        return out;
    }
}
