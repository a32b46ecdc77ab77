package io.numicoin.pool.block;

import io.numicoin.pool.stats.PoolStatistics;
import io.numicoin.pool.ledger.PoolLedger;
import io.numicoin.pool.share.ShareListener;
import io.numicoin.pool.share.ShareResult;
import io.numicoin.pool.share.ShareSubmission;
import io.numicoin.pool.share.ShareVerdict;

/** Where checked shares go: accepted ones into the ledger and the statistics, a solving one to the node. */
public final class ShareAccounting implements ShareListener {

    private final PoolLedger ledger;
    private final PoolStatistics stats;
    private final FoundBlocks blocks;

    public ShareAccounting(PoolLedger ledger, PoolStatistics stats, FoundBlocks blocks) {
        this.ledger = ledger;
        this.stats = stats;
        this.blocks = blocks;
    }

    @Override
    public void checked(ShareSubmission share, ShareResult result) {
        if (!result.verdict().accepted()) {
            stats.refused(share.address(), share.worker(), result.verdict());
            return;
        }
        long id = ledger.recordShare(share.address(), share.worker(), result.difficulty(), result.job().orElseThrow().height(),
                share.jobId(), result.powHash().orElseThrow());
        stats.accepted(share.address(), share.worker(), result.difficulty());
        result.block().ifPresent(block -> blocks.found(block, id, share.address() + "." + share.worker()));
    }

    @Override
    public void refusedUnchecked(String address, String worker, ShareVerdict verdict) {
        stats.refused(address, worker, verdict);
    }
}
