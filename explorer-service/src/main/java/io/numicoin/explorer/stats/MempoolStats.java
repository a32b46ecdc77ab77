package io.numicoin.explorer.stats;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.protocol.hash.Hash256;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mempool's figures from the read model's {@code mempool_tx}: count, bytes, fees, the fee-rate
 * histogram ({@link #BUCKETS}) and the projected next blocks ({@link MempoolProjection} over the
 * {@code projectionLimit} best-paying transfers). Computed at most once per {@code cacheTtl}.
 */
public final class MempoolStats {

    /** Transfer bytes of a block: 2 MiB less room for the header and the coinbase (as the mempool's templates). */
    public static final long BLOCK_BYTES = ProtocolLimits.MAX_BLOCK_BYTES - 4096;
    /** Transfers of a block: 10,000 less the coinbase. */
    public static final int BLOCK_TRANSACTIONS = ProtocolLimits.MAX_BLOCK_TRANSACTIONS - 1;
    /** Lower bounds of the histogram's bars, base units per 1,000 bytes (1,000 is the default minimum). */
    public static final List<Long> BUCKETS = List.of(0L, 1_000L, 2_000L, 3_000L, 5_000L, 8_000L, 10_000L, 15_000L,
            20_000L, 30_000L, 50_000L, 80_000L, 100_000L, 200_000L, 500_000L, 1_000_000L);

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final AddressHrp hrp;
    private final int projectedBlocks;
    private final int projectionLimit;
    private final Memo<MempoolSummary> summary;

    public MempoolStats(JdbcTemplate jdbc, AddressHrp hrp, int projectedBlocks, int projectionLimit, Duration cacheTtl) {
        this.jdbc = jdbc;
        this.hrp = hrp;
        this.projectedBlocks = projectedBlocks;
        this.projectionLimit = projectionLimit;
        this.summary = new Memo<>(this::compute, cacheTtl, System::nanoTime);
    }

    /** How many blocks {@link #summary()} projects at most. */
    public int projectedBlockCount() {
        return projectedBlocks;
    }

    public MempoolSummary summary() {
        return summary.get();
    }

    /**
     * The summary computed now, not from the cache: for the live feed, which reads it only when the
     * mempool has changed (at most once per poll) and sends it beside {@link #recent}, so the two
     * must describe the same pool (a cached count of 0 beside a new row would stay until the next change).
     */
    public MempoolSummary freshSummary() {
        return compute();
    }

    /** The newest pending transfers, at most {@code limit}. */
    public List<MempoolTxView> recent(int limit) {
        return jdbc.query("""
                SELECT txid, sender, recipient, amount, fee, nonce, fee_rate, size, accepted_ms FROM mempool_tx
                ORDER BY accepted_ms DESC, txid LIMIT ?""", (rs, i) -> new MempoolTxView(HEX.formatHex(rs.getBytes(1)),
                address(rs.getBytes(2)), address(rs.getBytes(3)), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), rs.getInt(8), rs.getLong(9)), limit);
    }

    private MempoolSummary compute() {
        long[] totals = jdbc.queryForObject("SELECT count(*), coalesce(sum(size), 0), coalesce(sum(fee), 0) FROM mempool_tx",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        List<PendingTx> best = jdbc.query("""
                SELECT sender, nonce, fee_rate, size, fee FROM mempool_tx ORDER BY fee_rate DESC, txid LIMIT ?""",
                (rs, i) -> new PendingTx(Hash256.of(rs.getBytes(1)), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                        rs.getLong(5)), projectionLimit);
        return new MempoolSummary(totals[0], totals[1], totals[2], histogram(),
                MempoolProjection.project(best, projectedBlocks, BLOCK_BYTES, BLOCK_TRANSACTIONS), best.size());
    }

    private List<FeeRateBucket> histogram() {
        long[] counts = new long[BUCKETS.size()];
        long[] bytes = new long[BUCKETS.size()];
        String bounds = BUCKETS.subList(1, BUCKETS.size()).stream().map(String::valueOf)
                .collect(Collectors.joining(","));
        // width_bucket: 0 below the first bound, i for [bounds[i-1], bounds[i]), bounds.length at or above the last
        jdbc.query("SELECT width_bucket(fee_rate, ARRAY[" + bounds + "]::bigint[]) AS b, count(*), sum(size) "
                + "FROM mempool_tx GROUP BY b", rs -> {
                    int b = rs.getInt(1);
                    counts[b] = rs.getLong(2);
                    bytes[b] = rs.getLong(3);
                });
        List<FeeRateBucket> out = new ArrayList<>(BUCKETS.size());
        for (int i = 0; i < BUCKETS.size(); i++) {
            out.add(new FeeRateBucket(BUCKETS.get(i), i + 1 < BUCKETS.size() ? BUCKETS.get(i + 1) : null, counts[i],
                    bytes[i]));
        }
        return out;
    }

    private String address(byte[] policyHash) {
        return AddressFormat.encode(new Address(Hash256.of(policyHash)), hrp);
    }
}
