package io.numicoin.wallet.keystore;

import java.util.Arrays;

/**
 * Picks Argon2id parameters that take about a target time on this machine: memory first (64 MiB,
 * halved while one pass alone is over the target, never below 16 MiB), then as many passes as fit
 * in the target (at least 1, at most {@link KdfParams#MAX_ITERATIONS}). One lane: the protocol's
 * Argon2id runs lanes one after another, so more lanes would only cost time here.
 */
public final class KdfCalibration {

    public static final int DEFAULT_MEMORY_KIB = 64 * 1024;
    public static final int FLOOR_MEMORY_KIB = 16 * 1024;

    /** How long one derivation with given parameters takes, in milliseconds. */
    @FunctionalInterface
    public interface KdfTimer {
        long millis(KdfParams params);
    }

    private KdfCalibration() {
    }

    /**
     * Parameters for about {@code targetMillis} per unlock on this machine, measured with real
     * Argon2id runs: each candidate runs twice and the faster run counts (the first one also pays
     * for class loading and JIT compilation, which would make the result too weak).
     */
    public static KdfParams calibrate(long targetMillis) {
        return calibrate(targetMillis, DEFAULT_MEMORY_KIB, params -> Math.min(measure(params), measure(params)));
    }

    /** The search itself, with the memory to start from and the timer to ask. */
    public static KdfParams calibrate(long targetMillis, int startMemoryKiB, KdfTimer timer) {
        if (targetMillis < 1) {
            throw new IllegalArgumentException("the target must be at least 1 ms, got " + targetMillis);
        }
        int memory = Math.min(startMemoryKiB, KdfParams.MAX_MEMORY_KIB);
        long onePass = Math.max(1, timer.millis(new KdfParams(memory, 1, 1)));
        while (onePass > targetMillis && memory / 2 >= Math.min(FLOOR_MEMORY_KIB, startMemoryKiB)) {
            memory /= 2;
            onePass = Math.max(1, timer.millis(new KdfParams(memory, 1, 1)));
        }
        long passes = Math.clamp(targetMillis / onePass, 1, KdfParams.MAX_ITERATIONS);
        return new KdfParams(memory, (int) passes, 1);
    }

    /** One derivation with a throwaway passphrase and salt, timed with the monotonic clock. */
    static long measure(KdfParams params) {
        char[] passphrase = "calibration".toCharArray();
        byte[] salt = new byte[KeystoreFormat.SALT_BYTES];
        long start = System.nanoTime();
        byte[] key = PassphraseKdf.deriveKey(passphrase, salt, params);
        long elapsed = System.nanoTime() - start;
        Arrays.fill(key, (byte) 0);
        return elapsed / 1_000_000;
    }
}
