package io.numicoin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * CPU time, which a shared machine's other load does not inflate the way it does wall time: this
 * JVM's (every thread: import, verifiers, GC, JIT) and local PostgreSQL backends' ({@code /proc},
 * when the server runs on this machine and its processes are readable).
 */
final class CpuClock {

    /** Linux's clock ticks per second in {@code /proc/<pid>/stat} (USER_HZ, 100 on every mainstream kernel). */
    private static final long TICKS_PER_SECOND = 100;

    private CpuClock() {
    }

    /** CPU nanoseconds this JVM has used. */
    static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU nanoseconds the given processes have used (user + system), or empty if one is not readable. */
    static OptionalLong processesNanos(List<Integer> pids) {
        long ticks = 0;
        for (int pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);  // utime, stime (fields 14 and 15)
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(ticks * (1_000_000_000L / TICKS_PER_SECOND));
    }
}
