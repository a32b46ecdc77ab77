package io.numicoin.protocol.pow;

/**
 * The Argon2id cost of a network's proof of work. These are consensus constants per network,
 * never node configuration: changing one is a hard fork.
 *
 * @param memoryKiB Argon2 memory {@code m} in KiB (at least {@code 8 * parallelism})
 * @param iterations Argon2 passes {@code t}
 * @param parallelism Argon2 lanes {@code p}
 */
public record PowParams(int memoryKiB, int iterations, int parallelism) {

    /** Mainnet: 4 MiB, one pass, one lane. */
    public static final PowParams MAINNET = new PowParams(4096, 1, 1);

    /** Testnet: the same cost as mainnet, so testnet hashrates mean the same thing. */
    public static final PowParams TESTNET = new PowParams(4096, 1, 1);

    /** Regtest: 16 KiB, so tests mine blocks instantly. */
    public static final PowParams REGTEST = new PowParams(16, 1, 1);

    public PowParams {
        if (iterations < 1 || parallelism < 1 || memoryKiB < 8 * parallelism || memoryKiB > Argon2id.MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("invalid Argon2id parameters: m=" + memoryKiB + " KiB, t=" + iterations
                    + ", p=" + parallelism + " (need t >= 1, p >= 1, 8p <= m <= " + Argon2id.MAX_MEMORY_KIB + ")");
        }
    }
}
