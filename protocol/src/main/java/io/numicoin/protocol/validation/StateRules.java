package io.numicoin.protocol.validation;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.money.SubsidySchedule;
import io.numicoin.protocol.state.AccountStateView;
import io.numicoin.protocol.state.StateHashing;
import io.numicoin.protocol.state.StateRejectReason;
import io.numicoin.protocol.state.StateTransition;
import io.numicoin.protocol.state.TransitionResult;

/**
 * Applies a block to the state of its parent ({@link StateTransition}) and checks that the
 * header commits to the state that results. Pure: reads the view, returns the change.
 */
public final class StateRules {

    private final SubsidySchedule subsidy;
    private final StateHashing hashing;

    public StateRules(SubsidySchedule subsidy) {
        this(subsidy, StateHashing.CALLING_THREAD);
    }

    /** With the set-hash change computed as {@code hashing} says (split over threads; the same results). */
    public StateRules(SubsidySchedule subsidy, StateHashing hashing) {
        this.subsidy = subsidy;
        this.hashing = hashing;
    }

    public ConnectResult apply(Block block, AccountStateView parentState) {
        return switch (StateTransition.apply(parentState, block, subsidy, hashing)) {
            case TransitionResult.Rejected rejected -> new ConnectResult.Rejected(
                    new BlockRejection(reasonFor(rejected.reason()), rejected.txIndex(), rejected.detail()));
            case TransitionResult.Applied applied -> applied.newCommitment().equals(block.header().stateCommitment())
                    ? new ConnectResult.Connected(applied.diff(), applied.undo(), applied.hashChange())
                    : new ConnectResult.Rejected(BlockRejection.of(BlockRejectReason.STATE_COMMITMENT_MISMATCH,
                            "header commits to " + block.header().stateCommitment() + ", the block produces " + applied.newCommitment()));
        };
    }

    static BlockRejectReason reasonFor(StateRejectReason reason) {
        return switch (reason) {
            case COINBASE_MISSING -> BlockRejectReason.COINBASE_MISSING;
            case COINBASE_NOT_FIRST -> BlockRejectReason.COINBASE_NOT_FIRST;
            case COINBASE_HEIGHT_MISMATCH -> BlockRejectReason.COINBASE_HEIGHT_MISMATCH;
            case COINBASE_AMOUNT_TOO_HIGH -> BlockRejectReason.COINBASE_AMOUNT_TOO_HIGH;
            case BAD_NONCE -> BlockRejectReason.BAD_NONCE;
            case INSUFFICIENT_BALANCE -> BlockRejectReason.INSUFFICIENT_BALANCE;
            case EXPIRED -> BlockRejectReason.EXPIRED;
            case AMOUNT_OVERFLOW -> BlockRejectReason.AMOUNT_OVERFLOW;
        };
    }
}
