package io.numicoin.bench;

/**
 * How hashrate and timestamps behave in one difficulty-simulation scenario. Hashrates are in
 * units of the base hashrate {@code H}, the one the starting difficulty is tuned to (30 s blocks).
 */
enum MiningScenario {

    /** {@code H} throughout. */
    CONSTANT("constant", 10_000, 0),
    /** Hashrate multiplied by 10 every 2,000 blocks: 1, 10, ..., 10^5 H. */
    STEP_UP("step_up", 12_000, 0),
    /** Hashrate divided by 10 every 2,000 blocks: 10^5, ..., 1 H (starting tuned to 10^5 H). */
    STEP_DOWN("step_down", 12_000, 0),
    /**
     * {@code H} of loyal miners plus a {@code 10 H} switching miner who mines while the next
     * block's difficulty is below the mean difficulty of the last {@value #SWITCHER_MEMORY} blocks
     * and leaves while it is above.
     */
    ON_OFF("on_off", 10_000, 0),
    /**
     * {@code H} in all, 30% of it an attacker who stamps its blocks at median-time-past + 1 for
     * {@value #PHASE_BLOCKS} blocks, then at the future limit (300 s) for as many, alternating.
     */
    TIMESTAMP("timestamp", 10_000, 300),
    /** As {@link #TIMESTAMP} with a 60 s future limit, to weigh a smaller limit. */
    TIMESTAMP_FTL60("timestamp_ftl60", 10_000, 60);

    static final int STEP_BLOCKS = 2_000;
    static final int SWITCHER_MEMORY = 500;
    static final double SWITCHER_HASHRATE = 10;
    static final double ATTACKER_SHARE = 0.3;
    static final int PHASE_BLOCKS = 500;

    private final String label;
    private final int blocks;
    private final long futureLimitSeconds;

    MiningScenario(String label, int blocks, long futureLimitSeconds) {
        this.label = label;
        this.blocks = blocks;
        this.futureLimitSeconds = futureLimitSeconds;
    }

    String label() {
        return label;
    }

    int blocks() {
        return blocks;
    }

    /** Hashrate of the miners who are always there and stamp honestly, at block {@code i}. */
    double loyalHashrate(int i) {
        return switch (this) {
            case STEP_UP -> Math.pow(10, i / STEP_BLOCKS);
            case STEP_DOWN -> Math.pow(10, (blocks - 1) / STEP_BLOCKS - i / STEP_BLOCKS);
            case TIMESTAMP, TIMESTAMP_FTL60 -> 1 - ATTACKER_SHARE;
            case CONSTANT, ON_OFF -> 1;
        };
    }

    /** The hashrate the starting difficulty is tuned to. */
    double initialHashrate() {
        return this == TIMESTAMP || this == TIMESTAMP_FTL60 ? 1 : loyalHashrate(0);
    }

    boolean hasSwitcher() {
        return this == ON_OFF;
    }

    boolean hasTimestampAttacker() {
        return futureLimitSeconds > 0;
    }

    /** In the timestamp scenarios: whether the attacker stamps at the future limit at block {@code i}. */
    boolean attackerStampsFuture(int i) {
        return (i / PHASE_BLOCKS) % 2 == 1;
    }

    long futureLimitSeconds() {
        return futureLimitSeconds;
    }
}
