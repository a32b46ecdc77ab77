package io.numicoin.miner.assembly;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.SubsidySchedule;
import io.numicoin.protocol.state.AccountStateView;
import io.numicoin.protocol.state.StateTransition;
import io.numicoin.protocol.state.TransitionResult;
import java.util.function.Function;

/** A {@link StateCommitmentSource} over a real in-memory parent state (from a testkit ChainBuilder or InMemoryChain). */
public final class InMemoryStateCommitments implements StateCommitmentSource {

    private final Function<Hash256, AccountStateView> parentState;
    private final SubsidySchedule subsidy;

    public InMemoryStateCommitments(Function<Hash256, AccountStateView> parentState, SubsidySchedule subsidy) {
        this.parentState = parentState;
        this.subsidy = subsidy;
    }

    @Override
    public Hash256 commitmentAfter(Block block) {
        TransitionResult result = StateTransition.apply(parentState.apply(block.header().previousId()), block, subsidy);
        return switch (result) {
            case TransitionResult.Applied applied -> applied.newCommitment();
            case TransitionResult.Rejected rejected -> throw new TemplateRejectedException(rejected.reason().name(), rejected.detail());
        };
    }
}
