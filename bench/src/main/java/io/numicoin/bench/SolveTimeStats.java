package io.numicoin.bench;

import java.util.List;

/**
 * Summary of the solve times of one or more runs (pooled; a slow run never spans two runs).
 *
 * @param meanSeconds mean solve time
 * @param stddevSeconds standard deviation of solve times (an ideal Poisson process at 30 s: 30 s)
 * @param worstSlowRun the longest run of consecutive blocks each slower than the slow threshold
 * @param maxSeconds the longest single solve time
 */
record SolveTimeStats(double meanSeconds, double stddevSeconds, int worstSlowRun, double maxSeconds) {

    static SolveTimeStats of(List<double[]> runs, double slowThresholdSeconds) {
        double sum = 0;
        long count = 0;
        double max = 0;
        int worstRun = 0;
        for (double[] solveTimes : runs) {
            int run = 0;
            for (double t : solveTimes) {
                sum += t;
                count++;
                max = Math.max(max, t);
                run = t > slowThresholdSeconds ? run + 1 : 0;
                worstRun = Math.max(worstRun, run);
            }
        }
        double mean = sum / count;
        double squares = 0;
        for (double[] solveTimes : runs) {
            for (double t : solveTimes) {
                squares += (t - mean) * (t - mean);
            }
        }
        return new SolveTimeStats(mean, Math.sqrt(squares / count), worstRun, max);
    }
}
