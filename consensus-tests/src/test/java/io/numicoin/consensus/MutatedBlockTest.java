package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A valid header with a body that does not match it must not poison the block id. */
class MutatedBlockTest {

    @Test
    void aWrongBodyIsRejectedWithoutMarkingTheHeaderInvalid() {
        Scenario s = new Scenario();
        Block funded = s.mineAndImport(101, 1).getLast();
        Block honest = s.builder.child(funded).transfers(s.builder.transfer(1, TestKeys.address(2), 1_000, 100, 1)).build();
        List<Transaction> stripped = new ArrayList<>(honest.transactions().subList(0, 1));
        Block mutated = new Block(honest.header(), stripped);

        s.assertRejected(mutated, BlockRejectReason.MERKLE_ROOT_MISMATCH);
        assertThat(s.chain.tree().isKnownInvalid(Scenario.id(honest))).isFalse();
        assertThat(s.chain.importBlock(honest).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        s.assertTipAndState(honest);
    }
}
