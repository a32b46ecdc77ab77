package io.numicoin.wallet.keystore;

import java.util.Optional;

/**
 * Argon2id (RFC 9106, version 0x13) cost parameters, stored in every keystore file. The limits
 * bound what a file may ask of the machine that opens it.
 */
public record KdfParams(int memoryKiB, int iterations, int parallelism) {

    /** Argon2's own floor is 8 KiB per lane; tests use such small values, real files never should. */
    public static final int MIN_MEMORY_KIB = 8;
    /** 1 GiB: the most memory a file may ask a reader to spend. */
    public static final int MAX_MEMORY_KIB = 1 << 20;
    public static final int MAX_ITERATIONS = 64;
    public static final int MAX_PARALLELISM = 16;

    /** RFC 9106's second recommended option (64 MiB, 3 passes), one lane: the default without calibration. */
    public static final KdfParams DEFAULT = new KdfParams(64 * 1024, 3, 1);

    public KdfParams {
        problem(memoryKiB, iterations, parallelism).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
    }

    /** What is wrong with these parameters, if anything. */
    public static Optional<String> problem(long memoryKiB, long iterations, long parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            return Optional.of("Argon2id parallelism must be 1.." + MAX_PARALLELISM + ", got " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            return Optional.of("Argon2id iterations must be 1.." + MAX_ITERATIONS + ", got " + iterations);
        }
        if (memoryKiB < Math.max(MIN_MEMORY_KIB, 8 * parallelism) || memoryKiB > MAX_MEMORY_KIB) {
            return Optional.of("Argon2id memory must be " + Math.max(MIN_MEMORY_KIB, 8 * parallelism) + ".."
                    + MAX_MEMORY_KIB + " KiB, got " + memoryKiB);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Argon2id(m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism + ")";
    }
}
