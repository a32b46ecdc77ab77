package io.numicoin.bench;

import java.util.Arrays;

/**
 * A against B on a shared machine: after a shared warm-up (each measured, results dropped), rounds
 * alternate A,B then B,A so that load from elsewhere falls on both alike; the figure is the median
 * of the per-round ratios A/B, with its spread ({@code name.min}, {@code name.max}). Every ratio
 * figure of every suite goes through here.
 */
final class InterleavedRatio {

    /** One round's rate (higher is better); {@code round} counts from 0 over warm-up and measured rounds. */
    @FunctionalInterface
    interface Rate {
        double measure(int round) throws Exception;
    }

    /** The rates of the measured rounds and their ratios A/B. */
    record Result(double[] a, double[] b, double[] ratios) {

        double median() {
            return Percentiles.median(ratios);
        }

        double min() {
            return Arrays.stream(ratios).min().orElseThrow();
        }

        double max() {
            return Arrays.stream(ratios).max().orElseThrow();
        }

        double medianA() {
            return Percentiles.median(a);
        }

        double medianB() {
            return Percentiles.median(b);
        }

        /** {@code name}, {@code name.min} and {@code name.max}, unit {@code ratio}. */
        void report(FigureSink out, String name) {
            out.report(name, median(), "ratio");
            out.report(name + ".min", min(), "ratio");
            out.report(name + ".max", max(), "ratio");
        }
    }

    private InterleavedRatio() {
    }

    /**
     * {@code warmUps} rounds of A then B whose results are dropped, then {@code rounds} measured rounds,
     * the even ones A first, the odd ones B first.
     */
    static Result measure(int warmUps, int rounds, Rate a, Rate b) throws Exception {
        if (warmUps < 0 || rounds < 1) {
            throw new IllegalArgumentException("warmUps " + warmUps + ", rounds " + rounds);
        }
        for (int w = 0; w < warmUps; w++) {
            a.measure(w);
            b.measure(w);
        }
        double[] as = new double[rounds];
        double[] bs = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            int round = warmUps + r;
            if (r % 2 == 0) {
                as[r] = a.measure(round);
                bs[r] = b.measure(round);
            } else {
                bs[r] = b.measure(round);
                as[r] = a.measure(round);
            }
            if (!(bs[r] > 0)) {
                throw new IllegalStateException("round " + round + ": B measured " + bs[r]);
            }
            ratios[r] = as[r] / bs[r];
        }
        return new Result(as, bs, ratios);
    }
}
