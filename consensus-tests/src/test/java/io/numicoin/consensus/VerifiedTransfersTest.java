package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaSignature;
import io.numicoin.protocol.crypto.TxSignature;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.BlockProposer;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.protocol.validation.ProposalResult;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.protocol.validation.TxRejectReason;
import io.numicoin.protocol.validation.VerifiedTransfers;
import io.numicoin.testkit.TestKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transfers that passed the transaction rules alone (gossip, the API) are not checked again inside a
 * block — and nothing but the very same bytes is let through that way: a transfer with the same txid
 * and a broken signature, or one that failed alone, is checked and refused. Real ML-DSA signatures;
 * what was checked is read from the body rules' counters.
 */
class VerifiedTransfersTest {

    private Scenario s;
    private Block funded;
    private TransactionRules transactionRules;
    private BlockBodyRules bodyRules;

    @BeforeEach
    void fundKeyOne() {
        s = new Scenario();
        funded = s.mineAndImport(101, 1).getLast();
        transactionRules = new TransactionRules(s.builder.params().chainId(), TestKeys.provider(), new VerifiedTransfers(1_000));
        bodyRules = new BlockBodyRules(transactionRules, Runnable::run, 1);
    }

    @Test
    void aBlockOfTransfersHeardBeforeIsCheckedWithoutVerifyingThemAgain() {
        List<TransferTx> transfers = transfers(1, 12);
        for (TransferTx transfer : transfers.subList(0, 8)) {
            assertThat(transactionRules.check(transfer).isValid()).isTrue();
        }
        assertThat(transactionRules.verifiedTransfers().size()).isEqualTo(8);
        Block block = s.builder.child(funded).transfers(transfers).build();

        assertThat(bodyRules.check(block)).isEmpty();
        assertThat(bodyRules.transfersPassedBefore()).isEqualTo(8);
        assertThat(bodyRules.transfersVerified()).isEqualTo(4);  // the four not heard alone

        // a proposal of the block and then its import read the same entries: neither verifies them
        ProposalResult proposed = new BlockProposer(bodyRules, s.builder.params().subsidy()).propose(block, s.chain.state());
        assertThat(proposed).isInstanceOf(ProposalResult.Valid.class);
        assertThat(bodyRules.check(block)).isEmpty();
        assertThat(bodyRules.transfersPassedBefore()).isEqualTo(24);
        assertThat(bodyRules.transfersVerified()).isEqualTo(12);
        assertThat(transactionRules.verifiedTransfers().hits()).isEqualTo(24);
    }

    @Test
    void theSameTransferWithABrokenSignatureIsVerifiedAndRefused() {
        TransferTx honest = transfers(1, 1).getFirst();
        assertThat(transactionRules.check(honest).isValid()).isTrue();
        byte[] signature = honest.signatures().getFirst().signature().bytes().toArray();
        signature[200] ^= 0x10;
        TransferTx forged = honest.withSignatures(List.of(new TxSignature(0, new MlDsaSignature(Bytes.of(signature)))));
        assertThat(TransactionCodec.txid(forged)).isEqualTo(TransactionCodec.txid(honest));  // the txid leaves signatures out

        Block bad = s.builder.child(funded).transfers(forged).build();
        assertThat(bodyRules.check(bad)).hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(BlockRejectReason.BAD_SIGNATURE));
        assertThat(bodyRules.transfersPassedBefore()).isZero();
        assertThat(bodyRules.transfersVerified()).isEqualTo(1);
    }

    @Test
    void aTransferThatFailedAloneIsNotRememberedAndAnotherChainsRulesShareNothing() {
        TransferTx honest = transfers(1, 1).getFirst();
        byte[] signature = honest.signatures().getFirst().signature().bytes().toArray();
        signature[50] ^= 0x01;
        TransferTx forged = honest.withSignatures(List.of(new TxSignature(0, new MlDsaSignature(Bytes.of(signature)))));
        assertThat(transactionRules.check(forged).reason()).isEqualTo(TxRejectReason.BAD_SIGNATURE);
        assertThat(transactionRules.verifiedTransfers().size()).isZero();
        assertThat(bodyRules.check(s.builder.child(funded).transfers(forged).build()))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(BlockRejectReason.BAD_SIGNATURE));

        // rules made without a cache remember nothing: the honest transfer is verified in its block
        TransactionRules plain = new TransactionRules(s.builder.params().chainId(), TestKeys.provider());
        assertThat(plain.check(honest).isValid()).isTrue();
        BlockBodyRules plainBody = new BlockBodyRules(plain, Runnable::run, 1);
        assertThat(plainBody.check(s.builder.child(funded).transfers(honest).build())).isEmpty();
        assertThat(plainBody.transfersVerified()).isEqualTo(1);
        assertThat(plainBody.transfersPassedBefore()).isZero();
    }

    private List<TransferTx> transfers(int firstNonce, int count) {
        List<TransferTx> out = new ArrayList<>();
        for (int nonce = firstNonce; nonce < firstNonce + count; nonce++) {
            out.add(s.builder.transfer(1, TestKeys.address(2), 1_000, 100, nonce));
        }
        return out;
    }
}
