package io.numicoin.miner.assembly;

import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.miner.upstream.UpstreamException;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.SubsidySchedule;
import io.numicoin.protocol.state.Account;
import io.numicoin.protocol.state.AccountStateView;
import io.numicoin.protocol.state.ImmatureReward;
import io.numicoin.protocol.state.MuHash3072;
import io.numicoin.protocol.state.StateTransition;
import io.numicoin.protocol.state.TransitionResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the post-block commitment with {@link StateTransition} over the node's state: the
 * parent's MuHash accumulator from {@code GET /api/v1/chain/state-accumulator}, and exactly the
 * accounts and immature rewards the transition touches from the account and block APIs. The
 * accumulator is read before and after: if the tip moved in between, the reads may mix two states
 * and the call fails with {@link UpstreamException.Reason#TIP_MOVED}.
 */
public final class NodeStateCommitmentSource implements StateCommitmentSource {

    private final NodeClient node;
    private final SubsidySchedule subsidy;

    public NodeStateCommitmentSource(NodeClient node, SubsidySchedule subsidy) {
        this.node = node;
        this.subsidy = subsidy;
    }

    @Override
    public Hash256 commitmentAfter(Block block) {
        Hash256 parent = block.header().previousId();
        NodeClient.StateAt before = node.stateAccumulator();
        requireTip(before, parent);
        RemoteState view = new RemoteState(before.accumulator(), before.height());
        TransitionResult result = StateTransition.apply(view, block, subsidy);
        requireTip(node.stateAccumulator(), parent);
        return switch (result) {
            case TransitionResult.Applied applied -> applied.newCommitment();
            case TransitionResult.Rejected rejected -> throw new TemplateRejectedException(rejected.reason(),
                    "transaction " + rejected.txIndex() + ": " + rejected.detail());
        };
    }

    private static void requireTip(NodeClient.StateAt state, Hash256 parent) {
        if (!state.tipId().equals(parent)) {
            throw new UpstreamException(UpstreamException.Reason.TIP_MOVED,
                    "the node's tip is " + state.tipId() + " at " + state.height() + ", the block builds on " + parent);
        }
    }

    /** The parent state as the node serves it, each account and reward read once. */
    private final class RemoteState implements AccountStateView {

        private final MuHash3072 accumulator;
        private final long tipHeight;
        private final Map<Address, Account> accounts = new HashMap<>();
        private final Map<Long, Optional<ImmatureReward>> rewards = new HashMap<>();

        RemoteState(MuHash3072 accumulator, long tipHeight) {
            this.accumulator = accumulator;
            this.tipHeight = tipHeight;
        }

        @Override
        public Account account(Address address) {
            return accounts.computeIfAbsent(address, a -> {
                NodeClient.AccountAt at = node.account(a);
                if (at.tipHeight() != tipHeight) {
                    throw new UpstreamException(UpstreamException.Reason.TIP_MOVED,
                            "account read at height " + at.tipHeight() + ", state at " + tipHeight);
                }
                return at.account();
            });
        }

        @Override
        public Optional<ImmatureReward> immatureReward(long paidAtHeight) {
            if (paidAtHeight == 0 || paidAtHeight > tipHeight) { // the genesis reward is not part of any state
                return Optional.empty();
            }
            return rewards.computeIfAbsent(paidAtHeight, node::coinbaseReward);
        }

        @Override
        public MuHash3072 accumulator() {
            return accumulator;
        }
    }
}
