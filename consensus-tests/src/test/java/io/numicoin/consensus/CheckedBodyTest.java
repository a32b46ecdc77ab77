package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.crypto.TxSignature;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.protocol.validation.CheckedBody;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.testkit.TestKeys;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A body checked ahead carries its verdict and, when valid, the txids the check computed (what an index stores). */
class CheckedBodyTest {

    private final Scenario s = new Scenario();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final BlockBodyRules rules = new BlockBodyRules(new TransactionRules(s.builder.params().chainId(), TestKeys.provider()), pool, 2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aValidBodyCarriesEveryTxidInBlockOrder() {
        Block funded = s.mineAndImport(101, 1).getLast();
        Block block = s.builder.child(funded).transfers(
                s.builder.transfer(1, TestKeys.address(2), 5_000, 100, 1),
                s.builder.transfer(1, TestKeys.address(3), 6_000, 100, 2),
                s.builder.transfer(1, TestKeys.address(4), 7_000, 100, 3)).build();

        CheckedBody checked = rules.checked(block);

        assertThat(checked.rejection()).isEmpty();
        assertThat(checked.checkedBy(rules)).isTrue();
        assertThat(checked.txids()).isEqualTo(block.transactions().stream().map(TransactionCodec::txid).toList());
    }

    @Test
    void anInvalidBodyCarriesItsReasonAndNoTxids() {
        Block funded = s.mineAndImport(101, 1).getLast();
        TransferTx transfer = s.builder.transfer(1, TestKeys.address(2), 5_000, 100, 1);
        TransferTx forged = transfer.withSignatures(List.of(new TxSignature(0,
                s.builder.transfer(1, TestKeys.address(3), 5_000, 100, 1).signatures().getFirst().signature())));
        Block block = s.builder.child(funded).transfers(forged).build();

        CheckedBody checked = rules.checked(block);

        assertThat(checked.rejection()).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(BlockRejectReason.BAD_SIGNATURE));
        assertThat(checked.txids()).isEmpty();
    }
}
