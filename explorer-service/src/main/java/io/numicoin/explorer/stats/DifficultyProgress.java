package io.numicoin.explorer.stats;

/**
 * Where the difficulty stands at the read model's tip and where it is heading. NumiCoin retargets
 * every block (ASERT on mainnet and testnet, a fixed target on regtest), so there is no epoch to
 * count down: progress is the schedule. {@code difficulty} is the pow limit over the target;
 * {@code nextBits} the target the next block must carry if mined now, and {@code changePercent} the
 * step from the tip's; for ASERT {@code scheduleDeviationSeconds} is how far the tip is behind (positive,
 * the target rises) or ahead (negative) of the anchor's schedule, {@code halfLifeSeconds} the deviation
 * that doubles or halves it. {@code averageBlockSeconds} is over the last {@code window} blocks.
 */
public record DifficultyProgress(long height, String algorithm, long targetSpacingSeconds, String bits,
        double difficulty, String expectedHashesPerBlock, String nextBits, double nextDifficulty, double changePercent,
        Long halfLifeSeconds, Long scheduleDeviationSeconds, int window, Double averageBlockSeconds) {
}
