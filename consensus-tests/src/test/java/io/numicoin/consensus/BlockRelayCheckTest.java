package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.BlockRelayCheck;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What may be forwarded before its import: a block at the tip (a child or a sibling of it) whose
 * header, proof of work and body commitment hold, even if its state does not (the import finds
 * that); a broken header, proof of work or merkle root is refused; a block elsewhere waits for its
 * import. Each verdict is checked against the import's, which is the consensus.
 */
class BlockRelayCheckTest {

    final Scenario s = new Scenario();
    final BlockRelayCheck check = new BlockRelayCheck(s.builder.params());

    @Test
    void aChildOrASiblingOfTheTipIsRelayedAndAnythingFurtherBackWaitsForItsImport() {
        List<Block> chain = s.mineAndImport(3, 1);
        Block tip = chain.getLast();
        HeaderChain tipBranch = s.chain.tree().branch(Scenario.id(tip));

        assertThat(check.check(child(tip, "child"), tipBranch, now(tip))).isInstanceOf(BlockRelayCheck.Relay.class);
        Block sibling = child(chain.get(1), "sibling");
        assertThat(check.check(sibling, tipBranch, now(tip))).isInstanceOf(BlockRelayCheck.Relay.class);
        assertThat(s.chain.importBlock(sibling).outcome()).isEqualTo(BlockImportResult.Outcome.SIDE_BRANCH);
        Block cousin = child(chain.get(0), "further back");
        assertThat(check.check(cousin, tipBranch, now(tip))).isInstanceOf(BlockRelayCheck.Defer.class);
        Block grandchild = child(child(tip, "parent not imported"), "grandchild");
        assertThat(check.check(grandchild, tipBranch, now(tip))).isInstanceOf(BlockRelayCheck.Defer.class);
    }

    @Test
    void aBrokenProofOfWorkHeaderOrMerkleRootIsRefusedLikeTheImportRefusesIt() {
        Block tip = s.mineAndImport(3, 1).getLast();
        HeaderChain tipBranch = s.chain.tree().branch(Scenario.id(tip));

        Block noWork = s.builder.child(tip).coinbaseTo(TestKeys.address(2)).withoutProofOfWork().build();
        assertRefused(check.check(noWork, tipBranch, now(tip)), BlockRejectReason.INSUFFICIENT_PROOF_OF_WORK);
        s.assertRejected(noWork, BlockRejectReason.INSUFFICIENT_PROOF_OF_WORK);

        Block early = s.builder.child(tip).coinbaseTo(TestKeys.address(2)).timestamp(tip.header().timestamp() - 600).build();
        assertRefused(check.check(early, tipBranch, now(tip)), BlockRejectReason.TIMESTAMP_NOT_AFTER_MEDIAN_TIME_PAST);

        Block honest = child(tip, "honest");
        List<Transaction> extra = new ArrayList<>(honest.transactions());
        extra.add(child(tip, "another coinbase").transactions().getFirst());
        Block mutated = new Block(honest.header(), extra);
        assertRefused(check.check(mutated, tipBranch, now(tip)), BlockRejectReason.MERKLE_ROOT_MISMATCH);
        s.assertRejected(mutated, BlockRejectReason.MERKLE_ROOT_MISMATCH);
    }

    @Test
    void aValidWorkBlockWithAnInvalidStateIsRelayedAndOnlyItsImportRefusesIt() {
        Block tip = s.mineAndImport(3, 1).getLast();
        HeaderChain tipBranch = s.chain.tree().branch(Scenario.id(tip));
        Block overpaying = s.builder.child(tip).coinbaseTo(TestKeys.address(2)).coinbaseOverpaying(1).build();

        assertThat(check.check(overpaying, tipBranch, now(tip))).isInstanceOf(BlockRelayCheck.Relay.class);
        s.assertRejected(overpaying, BlockRejectReason.COINBASE_AMOUNT_TOO_HIGH);
        assertThat(BlockRejectReason.COINBASE_AMOUNT_TOO_HIGH.escapesRelayCheck()).isTrue();
        assertThat(BlockRejectReason.INSUFFICIENT_PROOF_OF_WORK.escapesRelayCheck()).isFalse();
        assertThat(BlockRejectReason.MERKLE_ROOT_MISMATCH.escapesRelayCheck()).isFalse();
    }

    private Block child(Block parent, String memo) {
        return s.builder.child(parent).coinbaseTo(TestKeys.address(2)).coinbaseMemo(memo).build();
    }

    private static long now(Block tip) {
        return tip.header().timestamp() + 60;
    }

    private static void assertRefused(BlockRelayCheck.Verdict verdict, BlockRejectReason reason) {
        assertThat(verdict).isInstanceOfSatisfying(BlockRelayCheck.Refuse.class,
                refused -> assertThat(refused.rejection().reason()).isEqualTo(reason));
    }
}
