package io.numicoin.protocol.difficulty;

import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The difficulty consensus settings of one network: its block spacing, its easiest allowed
 * target and the algorithm that retargets every block. Mainnet and testnet use
 * {@link AsertDifficulty} with the half-life chosen by the difficulty simulation
 * ({@code bench/run difficulty}, see {@code docs/decisions.md}); regtest does not retarget.
 *
 * @param targetSpacingSeconds the ideal time between blocks (nominal on regtest)
 * @param powLimit the easiest allowed target; every block's target is at most this
 * @param algorithm computes each block's required target
 */
public record DifficultyParams(long targetSpacingSeconds, BigInteger powLimit, DifficultyAlgorithm algorithm) {

    public static final long MAINNET_SPACING_SECONDS = 30;
    public static final long TESTNET_SPACING_SECONDS = 15;
    /** The ASERT half-life, in blocks; in seconds it is this many target spacings. */
    public static final long HALF_LIFE_BLOCKS = 60;
    /**
     * Mainnet and testnet pow limit, {@code 2^248 - 1}: about 256 Argon2id hashes per block,
     * a second or two of one CPU core, so a new network can always start.
     */
    public static final BigInteger POW_LIMIT = BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE);
    /**
     * Mainnet's initial target, the target of block 1 where ASERT is anchored: {@code 2^236}, about
     * 2^20 Argon2id hashes per block, so at 30 s the launch expects ~35,000 hashes/s (about 55 cores
     * at ~630 hashes/s each). Set by the launch procedure (docs/launch.md) from the hash rate expected
     * at launch; a miner with far more gets a bounded head start ({@code difficulty.launch.extra_blocks_1000x}).
     */
    public static final CompactTarget MAINNET_INITIAL_TARGET = new CompactTarget(0x1e10_0000);
    /** Testnet's initial target: the pow limit (testnet coins are worthless, anyone must be able to start it). */
    public static final CompactTarget TESTNET_INITIAL_TARGET = CompactTarget.fromTarget(POW_LIMIT);
    /** Regtest pow limit and fixed target, compact {@code 0x207fffff}: about two hashes per block. */
    public static final BigInteger REGTEST_POW_LIMIT = BigInteger.valueOf(0x7f_ffff).shiftLeft(232);

    public DifficultyParams {
        Objects.requireNonNull(powLimit, "powLimit");
        Objects.requireNonNull(algorithm, "algorithm");
        if (targetSpacingSeconds <= 0) {
            throw new IllegalArgumentException("target spacing must be positive: " + targetSpacingSeconds);
        }
        if (powLimit.signum() <= 0 || powLimit.bitLength() > 256) {
            throw new IllegalArgumentException("pow limit out of range: " + powLimit);
        }
    }

    /** Mainnet: 30 s blocks, ASERT with a half-life of {@value #HALF_LIFE_BLOCKS} blocks (30 minutes). */
    public static DifficultyParams mainnet() {
        return asert(MAINNET_SPACING_SECONDS, MAINNET_INITIAL_TARGET);
    }

    /** Testnet: 15 s blocks, ASERT with a half-life of {@value #HALF_LIFE_BLOCKS} blocks (15 minutes). */
    public static DifficultyParams testnet() {
        return asert(TESTNET_SPACING_SECONDS, TESTNET_INITIAL_TARGET);
    }

    /** Regtest: blocks on demand, every block at the fixed easy target {@code 0x207fffff}. */
    public static DifficultyParams regtest() {
        return new DifficultyParams(TESTNET_SPACING_SECONDS, REGTEST_POW_LIMIT,
                new FixedDifficulty(CompactTarget.fromTarget(REGTEST_POW_LIMIT)));
    }

    private static DifficultyParams asert(long spacing, CompactTarget initialTarget) {
        return new DifficultyParams(spacing, POW_LIMIT,
                new AsertDifficulty(spacing, HALF_LIFE_BLOCKS * spacing, POW_LIMIT, initialTarget));
    }
}
