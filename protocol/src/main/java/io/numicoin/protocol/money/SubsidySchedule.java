package io.numicoin.protocol.money;

/**
 * How much new money the coinbase of each block may create: {@code initialSubsidyUnits} for
 * heights 1 to {@code halvingInterval}, then half (rounded down) for each further
 * {@code halvingInterval} blocks, and nothing from the {@value #HALVINGS}th halving on. The genesis
 * block (height 0) creates nothing. Every schedule's {@link #totalSupply()} is at most
 * {@link Amount#MAX_MONEY}; the mainnet schedule's is exactly that.
 */
public record SubsidySchedule(long initialSubsidyUnits, long halvingInterval) {

    /** After this many halvings the subsidy is zero. */
    public static final int HALVINGS = 64;

    /** 88.88 NUMI, halving every 111,000 blocks (about 38.5 days at 30 s a block). */
    public static final SubsidySchedule MAINNET = new SubsidySchedule(8_888_000_000L, 111_000);
    /** 88.88 NUMI, halving every 1,000 blocks. */
    public static final SubsidySchedule TESTNET = new SubsidySchedule(8_888_000_000L, 1_000);
    /** 88.88 NUMI, halving every 150 blocks, so tests reach halvings quickly. */
    public static final SubsidySchedule REGTEST = new SubsidySchedule(8_888_000_000L, 150);

    public SubsidySchedule {
        if (initialSubsidyUnits <= 0 || initialSubsidyUnits > Amount.MAX_MONEY) {
            throw new IllegalArgumentException("initial subsidy " + initialSubsidyUnits + " is not within 1.." + Amount.MAX_MONEY);
        }
        if (halvingInterval <= 0) {
            throw new IllegalArgumentException("halving interval must be positive: " + halvingInterval);
        }
        long total = sum(initialSubsidyUnits, halvingInterval);
        if (total > Amount.MAX_MONEY) {
            throw new IllegalArgumentException("schedule creates " + total + " units, more than MAX_MONEY");
        }
    }

    /** The most the coinbase at {@code height} may create (before fees). */
    public Amount subsidyAt(long height) {
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative: " + height);
        }
        if (height == 0) {
            return Amount.ZERO;
        }
        long halvings = (height - 1) / halvingInterval;
        return halvings >= HALVINGS ? Amount.ZERO : Amount.ofUnits(initialSubsidyUnits >> halvings);
    }

    /** The exact sum of {@link #subsidyAt} over all heights: every unit that can ever exist. */
    public Amount totalSupply() {
        return Amount.ofUnits(sum(initialSubsidyUnits, halvingInterval));
    }

    /** Sums the schedule, saturating at {@code Long.MAX_VALUE} so the constructor can reject it. */
    private static long sum(long initial, long interval) {
        long total = 0;
        for (int halving = 0; halving < HALVINGS; halving++) {
            try {
                total = Math.addExact(total, Math.multiplyExact(interval, initial >> halving));
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
        return total;
    }
}
