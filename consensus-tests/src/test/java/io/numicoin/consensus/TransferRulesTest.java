package io.numicoin.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.protocol.crypto.MlDsaSignature;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.crypto.TxSignature;
import io.numicoin.protocol.validation.BlockRejectReason;
import io.numicoin.testkit.TestKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nonces, expiry, signatures, chain ids and policies of transfers inside blocks. */
class TransferRulesTest {

    private Scenario s;
    private Block funded;

    @BeforeEach
    void fundKeyOne() {
        s = new Scenario();
        funded = s.mineAndImport(101, 1).getLast();
    }

    @Test
    void aReplayedNonceIsRejected() {
        TransferTx pay = s.builder.transfer(1, TestKeys.address(2), 1_000, 100, 1);
        Block first = s.builder.child(funded).transfers(pay).build();
        s.importAll(List.of(first));
        s.assertRejected(s.builder.child(first).transfers(pay).build(), BlockRejectReason.BAD_NONCE);
        s.assertRejected(s.builder.child(first).transfers(s.builder.transfer(1, TestKeys.address(2), 1_000, 100, 3)).build(),
                BlockRejectReason.BAD_NONCE);
        s.assertTipAndState(first);
    }

    @Test
    void anExpiredTransferIsRejectedAndOneAtItsExpiryHeightIsAccepted() {
        long height = funded.height() + 1;
        s.assertRejected(s.builder.child(funded).transfers(s.builder.transfer(1, TestKeys.address(2), 1_000, 100, 1, height - 1)).build(),
                BlockRejectReason.EXPIRED);
        Block atExpiry = s.builder.child(funded).transfers(s.builder.transfer(1, TestKeys.address(2), 1_000, 100, 1, height)).build();
        assertThat(s.chain.importBlock(atExpiry).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
    }

    @Test
    void aForgedSignatureMakesTheBlockInvalid() {
        TransferTx honest = s.builder.transfer(1, TestKeys.address(2), 1_000, 100, 1);
        byte[] sig = honest.signatures().getFirst().signature().bytes().toArray();
        sig[100] ^= 1;
        TransferTx forged = honest.withSignatures(List.of(new TxSignature(0, new MlDsaSignature(Bytes.of(sig)))));
        Block bad = s.builder.child(funded).transfers(forged).build();
        s.assertRejected(bad, BlockRejectReason.BAD_SIGNATURE);
        assertThat(s.chain.tree().isKnownInvalid(Scenario.id(bad))).isTrue();
    }

    @Test
    void aSignatureByAnotherKeyIsRejected() {
        TransferTx stolen = s.builder.transfer(2, TestKeys.address(2), 1_000, 100, 1);
        TransferTx claimed = new TransferTx(stolen.chainId(), TestKeys.address(1), 1, TestKeys.address(2),
                stolen.amount(), stolen.fee(), 0, Bytes.EMPTY, TestKeys.policy(1), stolen.signatures());
        s.assertRejected(s.builder.child(funded).transfers(claimed).build(), BlockRejectReason.BAD_SIGNATURE);
        TransferTx mismatched = new TransferTx(stolen.chainId(), TestKeys.address(1), 1, TestKeys.address(2),
                stolen.amount(), stolen.fee(), 0, Bytes.EMPTY, TestKeys.policy(2), stolen.signatures());
        s.assertRejected(s.builder.child(funded).transfers(mismatched).build(), BlockRejectReason.SENDER_POLICY_MISMATCH);
    }

    @Test
    void aTransferForAnotherChainIsRejected() {
        TransferTx regtest = s.builder.transfer(1, TestKeys.address(2), 1_000, 100, 1);
        TransferTx mainnet = new TransferTx(0x4e55_4d49, regtest.sender(), 1, regtest.recipient(), regtest.amount(),
                regtest.fee(), 0, Bytes.EMPTY, regtest.policy(), List.of());
        s.assertRejected(s.builder.child(funded).transfers(mainnet).build(), BlockRejectReason.WRONG_CHAIN_ID);
    }

    @Test
    void aTwoOfThreeMultisigAccountCanReceiveAndSpend() {
        MlDsaKeyPair k1 = TestKeys.key(21);
        MlDsaKeyPair k2 = TestKeys.key(22);
        MlDsaKeyPair k3 = TestKeys.key(23);
        SpendingPolicy policy = new SpendingPolicy(2, List.of(k1.publicKey(), k2.publicKey(), k3.publicKey()));
        var vault = SpendingPolicyCodec.address(policy);
        Block deposit = s.builder.child(funded).transfers(s.builder.transfer(1, vault, 50_000, 100, 1)).build();
        s.importAll(List.of(deposit));

        TransferTx spend = s.builder.multisigTransfer(policy, Map.of(0, k1, 2, k3), TestKeys.address(2), 10_000, 100, 1);
        TransferTx oneSignature = spend.withSignatures(List.of(spend.signatures().getFirst()));
        s.assertRejected(s.builder.child(deposit).transfers(oneSignature).build(), BlockRejectReason.BAD_SIGNATURE);

        Block spent = s.builder.child(deposit).transfers(spend).build();
        assertThat(s.chain.importBlock(spent).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED);
        assertThat(s.chain.state().account(vault).balance()).isEqualTo(Amount.ofUnits(50_000 - 10_100));
        assertThat(s.chain.state().account(vault).nonce()).isEqualTo(1);
        s.assertTipAndState(spent);
    }
}
