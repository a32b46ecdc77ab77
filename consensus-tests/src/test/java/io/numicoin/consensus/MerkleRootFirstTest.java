package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.BlockProposer;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.protocol.validation.ProposalResult;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A body that does not match its header's merkle root costs hashing only: it is refused before a
 * single signature is verified, when imported and when proposed (the rule code behind
 * {@code POST /api/v1/blocks/proposal}). Counted by the rules' own {@link BlockBodyRules#transfersVerified}.
 */
class MerkleRootFirstTest {

    @Test
    void aMutatedBodyIsRefusedBeforeAnySignatureIsVerified() {
        Scenario s = new Scenario();
        Block funded = s.mineAndImport(101, 1).getLast();
        List<TransferTx> transfers = new ArrayList<>();
        for (int nonce = 1; nonce <= 20; nonce++) {
            transfers.add(s.builder.transfer(1, TestKeys.address(2), 1_000, 100, nonce));
        }
        Block honest = s.builder.child(funded).transfers(transfers).build();
        List<Transaction> reordered = new ArrayList<>(honest.transactions());
        java.util.Collections.swap(reordered, 1, 2);
        Block mutated = new Block(honest.header(), reordered);
        BlockBodyRules rules = new BlockBodyRules(new TransactionRules(s.builder.params().chainId(), TestKeys.provider()), Runnable::run, 1);

        assertThat(rules.check(mutated)).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(BlockRejectReason.MERKLE_ROOT_MISMATCH));
        assertThat(rules.transfersVerified()).isZero();

        ProposalResult proposed = new BlockProposer(rules, s.builder.params().subsidy()).propose(mutated, s.chain.state());
        assertThat(proposed).isInstanceOfSatisfying(ProposalResult.Invalid.class,
                invalid -> assertThat(invalid.rejection().reason()).isEqualTo(BlockRejectReason.MERKLE_ROOT_MISMATCH));
        assertThat(rules.transfersVerified()).isZero();

        // the honest body: every transfer verified once
        assertThat(rules.check(honest)).isEmpty();
        assertThat(rules.transfersVerified()).isEqualTo(20);
    }
}
