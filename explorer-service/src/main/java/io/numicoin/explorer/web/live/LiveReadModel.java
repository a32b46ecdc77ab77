package io.numicoin.explorer.web.live;

import io.numicoin.explorer.api.ExplorerQueries;
import io.numicoin.explorer.api.ExplorerViews.BlockView;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The two small reads the live feed polls: the tip block and the mempool's totals with its newest transactions. */
public final class LiveReadModel {

    /** Newest pending transactions in a mempool update. */
    public static final int NEWEST = 10;

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final ExplorerQueries queries;

    public LiveReadModel(JdbcTemplate jdbc, ExplorerQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    public Optional<BlockView> tip() {
        return queries.latestBlocks(Long.MAX_VALUE, 1).stream().findFirst();
    }

    /**
     * What changes whenever the mempool does (count, bytes, fees and the newest acceptance): compared
     * between polls before the newest transactions are read.
     */
    public List<Long> mempoolFingerprint() {
        return jdbc.queryForObject("""
                SELECT count(*), coalesce(sum(size), 0), coalesce(sum(fee), 0), coalesce(max(accepted_ms), 0)
                FROM mempool_tx""", (rs, i) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    public LiveUpdate.Mempool mempool(List<Long> fingerprint) {
        List<LiveUpdate.PendingTx> newest = jdbc.query("""
                SELECT txid, amount, fee, fee_rate, size, accepted_ms FROM mempool_tx
                ORDER BY accepted_ms DESC, txid LIMIT ?""",
                (rs, i) -> new LiveUpdate.PendingTx(HEX.formatHex(rs.getBytes(1)), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getInt(5), rs.getLong(6)), NEWEST);
        return new LiveUpdate.Mempool(fingerprint.get(0), fingerprint.get(1), fingerprint.get(2), newest);
    }
}
