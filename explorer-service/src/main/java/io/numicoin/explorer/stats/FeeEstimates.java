package io.numicoin.explorer.stats;

import io.numicoin.explorer.stats.FeeEstimate.Basis;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fee-rate estimates by confirmation target, by the mempool service's rules (its FeeEstimator) over
 * the read model: MEMPOOL if more than {@code target} projected blocks are pending (the lowest fee
 * rate of the target's block, plus one); else RECENT_BLOCKS, the median over the last
 * {@value #WINDOW} active blocks with transfers of the lowest fee rate each included; else MINIMUM.
 * Never below {@code minFeeRate}, the mempool's configured floor.
 */
public final class FeeEstimates {

    /** Recent blocks looked at. */
    public static final int WINDOW = 12;
    /** How far below the tip blocks with transfers are looked for (bounds the scan on a chain of empty blocks). */
    static final int SCAN_LIMIT = 1_000;
    /** The targets answered when none is asked for. */
    public static final List<Integer> DEFAULT_TARGETS = List.of(1, 2, 3, 6, 12);

    private final MempoolStats mempool;
    private final JdbcTemplate jdbc;
    private final long minFeeRate;

    public FeeEstimates(MempoolStats mempool, JdbcTemplate jdbc, long minFeeRate) {
        this.mempool = mempool;
        this.jdbc = jdbc;
        this.minFeeRate = minFeeRate;
    }

    /** The largest target answered: one fewer than the projected blocks (the next block must exist to say one is full). */
    public int maxTarget() {
        return Math.max(1, mempool.projectedBlockCount() - 1);
    }

    /** Estimates for each of {@code targets} (each 1..{@link #maxTarget()}). */
    public List<FeeEstimate> estimates(List<Integer> targets) {
        List<ProjectedBlock> projected = mempool.summary().projectedBlocks();
        Long recent = null;
        boolean recentRead = false;
        List<FeeEstimate> out = new ArrayList<>(targets.size());
        for (int target : targets) {
            if (target < 1 || target > maxTarget()) {
                throw new IllegalArgumentException("target must be 1.." + maxTarget() + ": " + target);
            }
            if (projected.size() > target) {
                out.add(new FeeEstimate(target, Math.max(minFeeRate, projected.get(target - 1).minFeeRate() + 1),
                        Basis.MEMPOOL));
                continue;
            }
            if (!recentRead) {
                recent = recentMedianOfLowest();
                recentRead = true;
            }
            out.add(recent != null ? new FeeEstimate(target, Math.max(minFeeRate, recent), Basis.RECENT_BLOCKS)
                    : new FeeEstimate(target, minFeeRate, Basis.MINIMUM));
        }
        return out;
    }

    /** The median of the lowest fee rate of each of the last {@link #WINDOW} active blocks with transfers; null if none. */
    private Long recentMedianOfLowest() {
        List<Long> lowest = jdbc.query("""
                SELECT min(t.fee * 1000 / octet_length(t.raw)) FROM tx t
                JOIN (SELECT id FROM block WHERE status = 'ACTIVE' AND tx_count > 1
                        AND height > (SELECT tip_height FROM chain_cursor WHERE id = 1) - ?
                      ORDER BY height DESC LIMIT ?) b
                  ON b.id = t.block_id
                WHERE NOT t.coinbase GROUP BY t.block_id ORDER BY 1""", (rs, i) -> rs.getLong(1), SCAN_LIMIT, WINDOW);
        return lowest.isEmpty() ? null : lowest.get(lowest.size() / 2);
    }
}
