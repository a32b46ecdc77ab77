package io.numicoin.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntUnaryOperator;

/**
 * Calls per second of the calling thread's CPU time: a single-threaded operation's rate that other
 * load on a shared machine mostly does not move (it takes the core away, not CPU time).
 */
final class ThreadCpuRate {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpuRate() {
    }

    /** Calls of {@code op} (given a running count) per second of this thread's CPU time, over about {@code nanos} of it. */
    static double of(IntUnaryOperator op, long nanos) {
        int sink = 0;
        long count = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        long elapsed;
        do {
            for (int i = 0; i < 64; i++) {
                sink += op.applyAsInt((int) count++);
            }
            elapsed = THREADS.getCurrentThreadCpuTime() - start;
        } while (elapsed < nanos);
        if (sink == 42) {
            System.err.print("");
        }
        return count * 1e9 / elapsed;
    }
}
