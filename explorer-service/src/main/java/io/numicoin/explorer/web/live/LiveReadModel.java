package io.numicoin.explorer.web.live;

import io.numicoin.explorer.api.ExplorerQueries;
import io.numicoin.explorer.api.ExplorerViews.BlockView;
import io.numicoin.explorer.stats.MempoolStats;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reads the live feed polls: the tip block, and a fingerprint of the mempool that changes
 * whenever it does; only when it changed are the mempool's figures ({@link MempoolStats}) read.
 */
public final class LiveReadModel {

    /** Newest pending transactions in a mempool update. */
    public static final int NEWEST = 10;

    private final JdbcTemplate jdbc;
    private final ExplorerQueries queries;
    private final MempoolStats mempool;

    public LiveReadModel(JdbcTemplate jdbc, ExplorerQueries queries, MempoolStats mempool) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.mempool = mempool;
    }

    public Optional<BlockView> tip() {
        return queries.latestBlocks(Long.MAX_VALUE, 1).stream().findFirst();
    }

    /** Count, bytes, fees and the newest acceptance: an addition or a removal changes at least one. */
    public List<Long> mempoolFingerprint() {
        return jdbc.queryForObject("""
                SELECT count(*), coalesce(sum(size), 0), coalesce(sum(fee), 0), coalesce(max(accepted_ms), 0)
                FROM mempool_tx""", (rs, i) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    public LiveUpdate.Mempool mempool() {
        return new LiveUpdate.Mempool(mempool.freshSummary(), mempool.recent(NEWEST));
    }
}
