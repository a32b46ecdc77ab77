package io.numicoin.miner.job;

import io.numicoin.miner.assembly.BlockAssembler;
import io.numicoin.miner.assembly.BlockTemplate;
import io.numicoin.miner.assembly.WindowHeaderChain;
import io.numicoin.miner.upstream.MempoolClient;
import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.miner.upstream.UpstreamException;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.time.TimeRules;
import java.time.Clock;
import java.util.List;

/**
 * Fetches a template from the mempool and the recent headers from the node, and assembles the
 * block to mine. The template must be on the node's tip (both are checked against the headers).
 */
public final class WorkBuilder implements WorkSource {

    /** Headers fetched besides genesis: the median-time-past span and then some. */
    static final int RECENT_HEADERS = 64;

    private final NetworkParams params;
    private final MempoolClient mempool;
    private final NodeClient node;
    private final BlockAssembler assembler;
    private final Clock clock;
    private final int maxBytes;
    private final int maxTransactions;

    public WorkBuilder(NetworkParams params, MempoolClient mempool, NodeClient node, BlockAssembler assembler, Clock clock,
            int maxBytes, int maxTransactions) {
        this.params = params;
        this.mempool = mempool;
        this.node = node;
        this.assembler = assembler;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.maxTransactions = maxTransactions;
    }

    @Override
    public BlockTemplate template() {
        return mempool.template(maxBytes, maxTransactions);
    }

    /** Assembles the block on {@code template}; the parent branch comes from the node. */
    @Override
    public Block build(BlockTemplate template) {
        long tipHeight = template.tipHeight();
        long from = Math.max(1, tipHeight - RECENT_HEADERS + 1);
        List<BlockHeader> recent = tipHeight == 0 ? List.of() : node.headers(from, (int) (tipHeight - from + 1));
        if (tipHeight > 0 && (recent.isEmpty() || recent.getLast().height() != tipHeight)) {
            throw new UpstreamException(UpstreamException.Reason.TIP_MOVED,
                    "the node's active chain does not reach the template's tip height " + tipHeight + " (mempool ahead of node?)");
        }
        WindowHeaderChain chain = new WindowHeaderChain(params.genesis().header(), recent, node::header);
        if (!BlockHeaderCodec.id(chain.tip()).equals(template.tipId())) {
            throw new UpstreamException(UpstreamException.Reason.TIP_MOVED, "the template is on " + template.tipId()
                    + " but the node's block at height " + tipHeight + " is " + BlockHeaderCodec.id(chain.tip()));
        }
        long now = clock.millis() / 1000;
        long latestAllowed = now + TimeRules.MAX_FUTURE_SECONDS;
        Block block = assembler.assemble(template, chain, now);
        if (block.header().timestamp() > latestAllowed) {
            throw new IllegalStateException("median time past is ahead of this clock by more than the future limit");
        }
        return block;
    }
}
