package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.header.ProofOfWork;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.BlockProposer;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.protocol.validation.ProposalResult;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.testkit.TestKeys;
import org.junit.jupiter.api.Test;

/** A miner's candidate is checked against the tip and told the state commitment to mine with. */
class BlockProposalTest {

    private final Scenario s = new Scenario();
    private final BlockProposer proposer = new BlockProposer(
            new BlockBodyRules(new TransactionRules(s.builder.params().chainId(), TestKeys.provider()), Runnable::run, 1),
            s.builder.params().subsidy());

    @Test
    void aValidCandidateLearnsItsCommitmentAndThenMinesIntoAValidBlock() {
        Block funded = s.mineAndImport(101, 1).getLast();
        Block reference = s.builder.child(funded).transfers(s.builder.transfer(1, TestKeys.address(2), 5_000, 100, 1)).build();
        BlockHeader blank = withCommitment(reference.header(), Hash256.ZERO);

        ProposalResult result = proposer.propose(new Block(blank, reference.transactions()), s.chain.state());

        assertThat(result).isEqualTo(new ProposalResult.Valid(reference.header().stateCommitment()));
        BlockHeader mined = new ProofOfWork(s.builder.params().pow())
                .mine(withCommitment(blank, ((ProposalResult.Valid) result).stateCommitment()), 0, Long.MAX_VALUE, () -> false)
                .orElseThrow();
        assertThat(s.chain.importBlock(new Block(mined, reference.transactions())).outcome())
                .isEqualTo(BlockImportResult.Outcome.CONNECTED);
    }

    @Test
    void anInvalidCandidateIsToldTheRule() {
        Block tip = s.mineAndImport(2, 1).getLast();
        Block greedy = s.builder.child(tip).coinbaseOverpaying(1).build();
        assertThat(proposer.propose(greedy, s.chain.state())).isInstanceOfSatisfying(ProposalResult.Invalid.class,
                invalid -> assertThat(invalid.rejection().reason()).isEqualTo(BlockRejectReason.COINBASE_AMOUNT_TOO_HIGH));
    }

    private static BlockHeader withCommitment(BlockHeader h, Hash256 commitment) {
        return new BlockHeader(h.version(), h.height(), h.previousId(), h.merkleRoot(), commitment, h.timestamp(), h.target(), 0);
    }
}
