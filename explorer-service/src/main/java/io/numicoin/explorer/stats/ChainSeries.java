package io.numicoin.explorer.stats;

import io.numicoin.protocol.difficulty.DifficultyParams;
import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The active chain's recent blocks as series for charts (block times, difficulty, hash rate) and
 * the hash-rate estimate: the work of a window of blocks over the time they took. Each call reads at
 * most {@link #MAX_BLOCKS} plus {@link #HASH_RATE_WINDOW} blocks, in one repeatable-read transaction.
 */
public final class ChainSeries {

    /** The most blocks a series or an estimate covers. */
    public static final int MAX_BLOCKS = 2_016;
    /** Blocks the hash rate of each chart point is taken over. */
    public static final int HASH_RATE_WINDOW = 12;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final DifficultyParams params;

    public ChainSeries(JdbcTemplate jdbc, TransactionTemplate snapshot, DifficultyParams params) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.params = params;
    }

    /** The hash rate over the last {@code blocks} (1..{@link #MAX_BLOCKS}) blocks; empty while the chain has fewer than two. */
    public Optional<HashRateEstimate> hashRate(int blocks) {
        check(blocks);
        List<Row> rows = snapshot.execute(status -> newest(blocks + 1));
        if (rows.size() < 2) {
            return Optional.empty();
        }
        Row newest = rows.getFirst();
        Row base = rows.getLast();
        BigInteger work = BigInteger.ZERO;
        for (Row r : rows.subList(0, rows.size() - 1)) {
            work = work.add(r.work);
        }
        long seconds = newest.time - base.time;
        int counted = rows.size() - 1;
        return Optional.of(new HashRateEstimate(base.height, newest.height, counted, seconds, work.toString(),
                seconds > 0 ? rate(work, seconds) : null, seconds > 0 ? (double) seconds / counted : null));
    }

    /** The last {@code blocks} (1..{@link #MAX_BLOCKS}) active blocks, oldest first. */
    public List<BlockPoint> recent(int blocks) {
        check(blocks);
        List<Row> rows = snapshot.execute(status -> newest(blocks + HASH_RATE_WINDOW)).reversed();
        List<BlockPoint> points = new ArrayList<>(blocks);
        int first = Math.max(0, rows.size() - blocks);
        BigInteger windowWork = BigInteger.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            windowWork = windowWork.add(r.work);
            if (i >= HASH_RATE_WINDOW) {
                windowWork = windowWork.subtract(rows.get(i - HASH_RATE_WINDOW).work);
            }
            if (i < first) {
                continue;
            }
            Long interval = i > 0 && rows.get(i - 1).height == r.height - 1 ? r.time - rows.get(i - 1).time : null;
            Double hashRate = null;
            if (i >= HASH_RATE_WINDOW) {
                long span = r.time - rows.get(i - HASH_RATE_WINDOW).time;
                hashRate = span > 0 ? rate(windowWork, span) : null;
            }
            points.add(new BlockPoint(r.height, r.time, interval, Difficulty.of(new CompactTarget(r.bits), params.powLimit()),
                    r.txCount, r.size, hashRate));
        }
        return points;
    }

    private List<Row> newest(int count) {
        return jdbc.query("""
                SELECT height, time_s, target_bits, work, tx_count, size FROM block
                WHERE status = 'ACTIVE' ORDER BY height DESC LIMIT ?""", (rs, i) -> new Row(rs.getLong(1),
                rs.getLong(2), rs.getInt(3), rs.getBigDecimal(4).toBigIntegerExact(), rs.getInt(5), rs.getInt(6)), count);
    }

    private static double rate(BigInteger work, long seconds) {
        return new BigDecimal(work).doubleValue() / seconds;
    }

    private static void check(int blocks) {
        if (blocks < 1 || blocks > MAX_BLOCKS) {
            throw new IllegalArgumentException("blocks must be 1.." + MAX_BLOCKS + ": " + blocks);
        }
    }

    private record Row(long height, long time, int bits, BigInteger work, int txCount, int size) {
    }
}
