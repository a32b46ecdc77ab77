package io.numicoin.bench;

import io.numicoin.miner.pow.JavaPowHasher;
import io.numicoin.support.argon2.NativeArgon2;
import io.numicoin.support.argon2.NativeArgon2UnavailableException;
import io.numicoin.miner.pow.NativePowHasher;
import io.numicoin.miner.pow.PowHasher;
import io.numicoin.protocol.pow.PowParams;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@code miner.java_over_native}: one thread's proof-of-work rate with the miner's pure-Java path
 * divided by its rate with the FFM path into libargon2 ({@code numi.miner.argon2=native}), mainnet
 * cost, measured in alternating rounds in the same run and per second of the thread's CPU time
 * (fair on a shared machine). Also reports both rates.
 */
final class MinerJavaNativeBench implements BenchPart {

    private static final int ROUNDS = 5;
    private static final double ROUND_SECONDS = 2;

    private long sink;

    @Override
    public String name() {
        return "miner java vs native (one thread, mainnet Argon2)";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        NativeArgon2 library;
        try {
            library = NativeArgon2.load();
        } catch (NativeArgon2UnavailableException e) {
            System.err.println("bench: miner.java_over_native skipped: " + e.getMessage());
            return;
        }
        PowHasher java = new JavaPowHasher(PowParams.MAINNET);
        PowHasher nativeHasher = new NativePowHasher(library, PowParams.MAINNET);
        byte[] header = new byte[128];
        InterleavedRatio.Result javaOverNative = InterleavedRatio.measure(1, ROUNDS,
                round -> rate(java, header, ROUND_SECONDS), round -> rate(nativeHasher, header, ROUND_SECONDS));
        out.report("miner.java.per_s", javaOverNative.medianA(), "per_s");
        out.report("miner.native.per_s", javaOverNative.medianB(), "per_s");
        javaOverNative.report(out, "miner.java_over_native");
        if (sink == 42) {
            System.err.println();
        }
    }

    /** Hashes per CPU second of this thread, over about {@code seconds} of wall time. */
    private double rate(PowHasher hasher, byte[] header, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long hashes = 0;
        while (System.nanoTime() < end) {
            header[120] = (byte) hashes;
            header[121] = (byte) (hashes >>> 8);
            sink += hasher.powHash(header).bytes().get(0);
            hashes++;
        }
        return hashes / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }
}
