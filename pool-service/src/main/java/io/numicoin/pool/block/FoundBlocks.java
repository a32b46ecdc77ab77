package io.numicoin.pool.block;

import io.numicoin.miner.upstream.BlockSubmitter;
import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.pool.ledger.BlockStatus;
import io.numicoin.pool.ledger.PoolLedger;
import io.numicoin.pool.pplns.Pplns;
import io.numicoin.pool.pplns.PplnsSplit;
import io.numicoin.pool.stats.PoolStatistics;
import io.numicoin.pool.work.JobRefresher;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A share that solves a block: the block goes to the node at once ({@code POST /api/v1/blocks}
 * with the mining token, through the miner's {@link NodeClient}), then the ledger records it with
 * its PPLNS credits over the window ending at the solving share, and the pool looks for new work.
 */
public final class FoundBlocks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FoundBlocks.class);

    private final BlockSubmitter node;
    private final PoolLedger ledger;
    private final Pplns pplns;
    private final PoolStatistics stats;
    private final JobRefresher jobs;
    private final ExecutorService submitter = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("pool-block").factory());

    public FoundBlocks(BlockSubmitter node, PoolLedger ledger, Pplns pplns, PoolStatistics stats, JobRefresher jobs) {
        this.node = node;
        this.ledger = ledger;
        this.pplns = pplns;
        this.stats = stats;
        this.jobs = jobs;
    }

    /** Submits {@code block} (solved by share {@code shareId} of {@code finder}) on the submission thread. */
    public void found(Block block, long shareId, String finder) {
        submitter.execute(() -> submit(block, shareId, finder));
    }

    private void submit(Block block, long shareId, String finder) {
        Hash256 id = BlockHeaderCodec.id(block.header());
        BlockStatus status;
        String detail;
        try {
            NodeClient.SubmitResult result = node.submit(block);
            status = result.accepted() ? BlockStatus.SUBMITTED : BlockStatus.REJECTED;
            detail = result.outcomeOrRule();
        } catch (RuntimeException e) {
            // no verdict (timeout, 5xx): recorded as submitted, the maturity check decides
            status = BlockStatus.SUBMITTED;
            detail = "no answer: " + e.getMessage();
        }
        jobs.wake();
        log.info("block {} at height {} found by {}: {} ({})", id, block.height(), finder, status, detail);
        PplnsSplit split = ledger.recordBlock(id, block.height(), block.coinbase().amount().units(), finder, shareId, pplns, status, detail);
        stats.blockFound(status == BlockStatus.SUBMITTED);
        log.info("block {}: reward {} units, pool fee {}, window weight {} over shares {}..{}", id, split.reward(), split.fee(),
                split.windowWeight(), split.firstShareId(), split.lastShareId());
    }

    @Override
    public void close() {
        submitter.shutdown();
    }
}
