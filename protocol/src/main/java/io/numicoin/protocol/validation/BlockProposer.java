package io.numicoin.protocol.validation;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.money.SubsidySchedule;
import io.numicoin.protocol.state.AccountStateView;
import io.numicoin.protocol.state.StateTransition;
import io.numicoin.protocol.state.TransitionResult;
import java.util.Optional;

/**
 * Checks a candidate block before it is mined (BIP 23's "proposal" mode): every body rule and
 * every state rule against the tip's state, and answers the state commitment the header must
 * carry. The candidate's own commitment, timestamp and nonce are not judged: mining fills them in.
 * Pure: reads the state, stores nothing.
 */
public final class BlockProposer {

    private final BlockBodyRules bodyRules;
    private final SubsidySchedule subsidy;

    public BlockProposer(BlockBodyRules bodyRules, SubsidySchedule subsidy) {
        this.bodyRules = bodyRules;
        this.subsidy = subsidy;
    }

    public ProposalResult propose(Block candidate, AccountStateView tipState) {
        Optional<BlockRejection> body = bodyRules.check(candidate);
        if (body.isPresent()) {
            return new ProposalResult.Invalid(body.get());
        }
        return switch (StateTransition.apply(tipState, candidate, subsidy)) {
            case TransitionResult.Applied applied -> new ProposalResult.Valid(applied.newCommitment());
            case TransitionResult.Rejected rejected -> new ProposalResult.Invalid(
                    new BlockRejection(StateRules.reasonFor(rejected.reason()), rejected.txIndex(), rejected.detail()));
        };
    }
}
