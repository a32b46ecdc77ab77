package io.numicoin.miner.job;

import io.numicoin.miner.assembly.BlockTemplate;
import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.protocol.block.Block;

/**
 * Work on the upstream node's own active tip ({@code numi.miner.view=node}): the mempool's template
 * while the mempool is on that tip, else a coinbase-only template on it (the mempool follows another
 * node, which may be on another branch or a block behind). Blocks are assembled as
 * {@link WorkBuilder} does, from the node's headers and its proposal call.
 */
public final class NodeTipWork implements WorkSource {

    private final WorkBuilder builder;
    private final NodeClient node;

    public NodeTipWork(WorkBuilder builder, NodeClient node) {
        this.builder = builder;
        this.node = node;
    }

    @Override
    public BlockTemplate template() {
        NodeClient.ChainTip tip = node.chain();
        return onTip(builder.template(), tip);
    }

    /** {@code mempool}'s template when it is on {@code tip}, else no transfers on {@code tip}. */
    static BlockTemplate onTip(BlockTemplate mempool, NodeClient.ChainTip tip) {
        return mempool.tipId().equals(tip.tipId()) ? mempool : BlockTemplate.empty(tip.tipId(), tip.height());
    }

    @Override
    public Block build(BlockTemplate template) {
        return builder.build(template);
    }
}
