package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.HeaderChain;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.BlockImporter;
import io.numicoin.protocol.chain.BlockRelayCheck;
import io.numicoin.protocol.chain.WorkVerifiedBlock;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.testkit.TestKeys;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A gossiped block whose proof of work the relay check verified, or an orphan whose work was
 * verified when the pool took it, is imported without a second Argon2id run, and with every other
 * rule; a block whose work nobody verified is refused for bad work on every import path.
 */
class WorkVerifiedImportTest {

    private final Scenario s = new Scenario();
    private final BlockRelayCheck relayCheck = new BlockRelayCheck(s.builder.params());
    private final BlockImporter importer = s.chain.importer();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aRelayCheckedBlockIsImportedWithoutASecondArgon2idRun() {
        Block tip = s.mineAndImport(3, 1).getLast();
        Block relayed = child(tip, "relayed");
        WorkVerifiedBlock verified = relayed(relayed, tip);

        long before = importer.headerPowChecks();
        BlockImportResult result = importer.importBlock(verified, now(tip), "peer");

        assertThat(result.outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        assertThat(importer.headerPowChecks()).isEqualTo(before);
        assertThat(s.chain.tip()).isEqualTo(Scenario.id(relayed));

        Block plain = child(relayed, "not relayed");
        assertThat(s.chain.importBlock(plain).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        assertThat(importer.headerPowChecks()).isEqualTo(before + 1);
    }

    @Test
    void anAdoptedOrphanRunsNoSecondArgon2id() {
        Block tip = s.mineAndImport(3, 1).getLast();
        Block parent = child(tip, "arrives late");
        Block orphan = child(parent, "arrives first");
        long headerChecks = importer.headerPowChecks();
        long orphanChecks = importer.orphanPowChecks();

        assertThat(s.chain.importBlock(orphan).outcome()).isEqualTo(BlockImportResult.Outcome.ORPHANED);
        assertThat(importer.orphanPowChecks()).isEqualTo(orphanChecks + 1);
        assertThat(s.chain.importBlock(parent).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);

        assertThat(s.chain.tip()).isEqualTo(Scenario.id(orphan));
        assertThat(importer.headerPowChecks()).isEqualTo(headerChecks + 1);  // the parent's; the orphan's work was verified on arrival
        assertThat(importer.orphanPowChecks()).isEqualTo(orphanChecks + 1);
    }

    @Test
    void theVerifiedWorkExcusesNoOtherRule() {
        Block tip = s.mineAndImport(3, 1).getLast();
        Block overpaying = s.builder.child(tip).coinbaseTo(TestKeys.address(2)).coinbaseOverpaying(1).build();

        BlockImportResult result = importer.importBlock(relayed(overpaying, tip), now(tip), "peer");

        assertThat(result.outcome()).isEqualTo(BlockImportResult.Outcome.INVALID);
        assertThat(result.rejection()).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(BlockRejectReason.COINBASE_AMOUNT_TOO_HIGH));
        assertThat(s.chain.tip()).isEqualTo(Scenario.id(tip));
    }

    @Test
    void aBlockWithoutWorkIsRefusedOnEveryPathThatDidNotVerifyIt() {
        Block tip = s.mineAndImport(3, 1).getLast();
        HeaderChain tipBranch = s.chain.tree().branch(Scenario.id(tip));
        Block noWork = s.builder.child(tip).coinbaseTo(TestKeys.address(2)).withoutProofOfWork().build();

        // the relay check refuses it, so no WorkVerifiedBlock is ever made for it
        assertThat(relayCheck.check(noWork, tipBranch, now(tip))).isInstanceOfSatisfying(BlockRelayCheck.Refuse.class,
                refused -> assertThat(refused.rejection().reason()).isEqualTo(BlockRejectReason.INSUFFICIENT_PROOF_OF_WORK));
        // the API's and a deferred gossip block's path, a peer's block, a body checked ahead (another node's rules)
        assertRefusedForWork(importer.importBlock(noWork, now(tip)));
        assertRefusedForWork(importer.importBlock(noWork, now(tip), "peer"));
        BlockBodyRules otherRules = new BlockBodyRules(new TransactionRules(s.builder.params().chainId(), TestKeys.provider()), pool, 2);
        assertRefusedForWork(importer.importBlock(otherRules.checked(noWork), now(tip)));
        // a header alone (sync's path when it did not verify the work itself)
        assertThat(importer.importHeader(noWork.header(), now(tip)))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(BlockRejectReason.INSUFFICIENT_PROOF_OF_WORK));
        // as an orphan: its parent unknown, it is refused before the pool keeps it
        Block orphanNoWork = s.builder.child(child(tip, "unseen parent")).coinbaseTo(TestKeys.address(2)).withoutProofOfWork().build();
        assertRefusedForWork(importer.importBlock(orphanNoWork, now(tip), "peer"));
        assertThat(s.chain.tip()).isEqualTo(Scenario.id(tip));
    }

    private WorkVerifiedBlock relayed(Block block, Block tip) {
        BlockRelayCheck.Verdict verdict = relayCheck.check(block, s.chain.tree().branch(Scenario.id(tip)), now(tip));
        assertThat(verdict).isInstanceOf(BlockRelayCheck.Relay.class);
        return ((BlockRelayCheck.Relay) verdict).block();
    }

    private Block child(Block parent, String memo) {
        return s.builder.child(parent).coinbaseTo(TestKeys.address(2)).coinbaseMemo(memo).build();
    }

    private static long now(Block tip) {
        return tip.header().timestamp() + 60;
    }

    private static void assertRefusedForWork(BlockImportResult result) {
        assertThat(result.outcome()).isEqualTo(BlockImportResult.Outcome.INVALID);
        assertThat(result.rejection()).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(BlockRejectReason.INSUFFICIENT_PROOF_OF_WORK));
    }
}
