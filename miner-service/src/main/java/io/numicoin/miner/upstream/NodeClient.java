package io.numicoin.miner.upstream;

import io.numicoin.miner.assembly.TemplateRejectedException;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.support.node.NodeApiClient;
import io.numicoin.support.node.NodeApiException;
import io.numicoin.support.node.NodeBlockAnswer;
import io.numicoin.support.node.NodeChainTip;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The node's HTTP API (docs/api.md) as far as the miner uses it, over service-support's
 * {@link NodeApiClient}: its failures become {@link UpstreamException}s (the mining job's backoff
 * and health read those), a proposal's 409 is {@code TIP_MOVED} and its 422 a
 * {@link TemplateRejectedException}, a block's 4xx a refused {@link SubmitResult}.
 */
public final class NodeClient implements BlockSubmitter {

    /** The node's active tip. */
    public record ChainTip(Hash256 tipId, long height, String network) {
    }

    /** The node's answer to a block: an outcome (CONNECTED, SIDE_BRANCH, ...) or the rule it broke. */
    public record SubmitResult(boolean accepted, String outcomeOrRule, String detail) {
    }

    private final NodeApiClient api;
    private final Duration submitTimeout;

    public NodeClient(NodeApiClient api, Duration submitTimeout) {
        this.api = api;
        this.submitTimeout = submitTimeout;
    }

    public ChainTip chain() {
        NodeChainTip tip = call(api::chain);
        return new ChainTip(tip.tipId(), tip.height(), tip.network().id());
    }

    /** Up to {@code count} active-chain headers from height {@code from}, ascending. */
    public List<BlockHeader> headers(long from, int count) {
        return call(() -> api.headers(from, count));
    }

    /** The active-chain header at {@code height}. */
    public BlockHeader header(long height) {
        List<BlockHeader> one = headers(height, 1);
        if (one.isEmpty()) {
            throw new UpstreamException(UpstreamException.Reason.TIP_MOVED, "the node has no header at height " + height + " any more");
        }
        return one.getFirst();
    }

    /**
     * {@code POST /api/v1/blocks/proposal}: the state commitment {@code candidate}'s header must
     * carry. The node checks every body and state rule against its tip.
     *
     * @throws TemplateRejectedException when the candidate breaks a rule (422)
     * @throws UpstreamException with {@code TIP_MOVED} when the candidate no longer extends the tip (409)
     */
    public Hash256 proposeCommitment(Block candidate) {
        try {
            return api.proposeCommitment(candidate, submitTimeout);
        } catch (NodeApiException e) {
            if (e.status() == 409) {
                throw new UpstreamException(UpstreamException.Reason.TIP_MOVED, 409, "node: " + e.getMessage(), e);
            }
            if (e.status() == 422) {
                throw new TemplateRejectedException(e.rule(), e.getMessage());
            }
            throw upstream(e);
        }
    }

    /** {@code POST /api/v1/blocks}: 200 is accepted with its outcome; a 4xx a rejection with its rule. */
    @Override
    public SubmitResult submit(Block block) {
        try {
            NodeBlockAnswer answer = api.submitBlock(block, submitTimeout);
            return new SubmitResult(true, answer.outcome(), "");
        } catch (NodeApiException e) {
            if (e.status() >= 400 && e.status() < 500) {
                return new SubmitResult(false, e.rule(), e.getMessage());
            }
            throw upstream(e);
        }
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (NodeApiException e) {
            throw upstream(e);
        }
    }

    private static UpstreamException upstream(NodeApiException e) {
        return UpstreamException.from(e);
    }
}
