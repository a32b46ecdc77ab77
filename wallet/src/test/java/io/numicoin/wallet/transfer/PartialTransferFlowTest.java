package io.numicoin.wallet.transfer;

import static io.numicoin.wallet.transfer.TransferFixtures.indexOf;
import static io.numicoin.wallet.transfer.TransferFixtures.policy;
import static io.numicoin.wallet.transfer.TransferFixtures.privateKey;
import static io.numicoin.wallet.transfer.TransferFixtures.unsigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.wallet.file.FileFormatException;
import io.numicoin.wallet.file.FileFormatFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partially signed transfer flow in the library: a 2-of-3 transfer signed on three "machines"
 * (directories, each with its own copy of the file), combined, finalized into a transaction the
 * consensus rules accept; what each step says is missing; the refusals.
 */
class PartialTransferFlowTest {

    private static final SpendingPolicy TWO_OF_THREE = policy(2, 3);
    private final PartialTransferSigner signer = new PartialTransferSigner();

    @TempDir
    Path dir;

    @Test
    void twoOfThreeSignedOnSeparateCopiesCombinesAndFinalizesIntoAValidTransaction() throws Exception {
        Path created = dir.resolve("coordinator/rent.numiptx");
        PartialTransferFiles.write(created, PartialTransfer.unsigned(unsigned(TWO_OF_THREE, 1)), false);
        assertThat(PartialTransferFiles.read(created).status().missing()).isEqualTo(2);

        Path[] copies = new Path[4];
        for (int machine = 1; machine <= 3; machine++) {
            copies[machine] = dir.resolve("machine" + machine + "/rent.numiptx");
            Files.createDirectories(copies[machine].getParent());
            Files.copy(created, copies[machine]);
            PartialTransferSigner.Signed signed = signer.sign(PartialTransferFiles.read(copies[machine]), privateKey(machine));
            assertThat(signed.keyIndex()).isEqualTo(indexOf(TWO_OF_THREE, machine));
            assertThat(signed.alreadySigned()).isFalse();
            PartialTransferFiles.write(copies[machine], signed.transfer(), true);
        }
        PartialTransfer one = PartialTransferFiles.read(copies[1]);
        assertThat(one.status().missing()).isEqualTo(1);
        assertThat(TransferDescription.status(one)).contains("1 more signature needed (1 of 2)");
        assertThatThrownBy(() -> PartialTransferFinalizer.finalizeTransfer(one))
                .isInstanceOfSatisfying(PartialTransferException.class,
                        e -> assertThat(e.reason()).isEqualTo(PartialTransferFailure.NOT_ENOUGH_SIGNATURES));

        PartialTransfer all = one.combine(PartialTransferFiles.read(copies[2])).combine(PartialTransferFiles.read(copies[3]));
        assertThat(all.signatures()).hasSize(3);
        assertThat(all.status().isComplete()).isTrue();
        TransferTx tx = PartialTransferFinalizer.finalizeTransfer(all);
        assertThat(tx.signatures()).hasSize(2).extracting(s -> s.keyIndex()).containsExactly(0, 1);
        assertThat(new TransactionRules(TransferFixtures.REGTEST.chainId(), MlDsaProviders.consensus()).check(tx).isValid()).isTrue();
        assertThat(TransactionCodec.txid(tx)).isEqualTo(all.txid());
        // the finished transaction survives its own encoding (what broadcast sends)
        assertThat(TransactionCodec.decode(TransactionCodec.encode(tx))).isEqualTo(tx);
    }

    @Test
    void signingTwiceWithOneKeyAddsNothingAndAKeyOutsideThePolicyIsRefused() throws Exception {
        PartialTransfer start = PartialTransfer.unsigned(unsigned(TWO_OF_THREE, 7));
        PartialTransfer once = signer.sign(start, privateKey(2)).transfer();
        PartialTransferSigner.Signed twice = signer.sign(once, privateKey(2));
        assertThat(twice.alreadySigned()).isTrue();
        assertThat(twice.transfer()).isEqualTo(once);
        assertThatThrownBy(() -> signer.sign(start, privateKey(4)))
                .isInstanceOfSatisfying(PartialTransferException.class,
                        e -> assertThat(e.reason()).isEqualTo(PartialTransferFailure.KEY_NOT_IN_POLICY));
    }

    @Test
    void copiesOfDifferentTransfersDoNotCombine() throws Exception {
        PartialTransfer nonce1 = signer.sign(PartialTransfer.unsigned(unsigned(TWO_OF_THREE, 1)), privateKey(1)).transfer();
        PartialTransfer nonce2 = signer.sign(PartialTransfer.unsigned(unsigned(TWO_OF_THREE, 2)), privateKey(2)).transfer();
        assertThatThrownBy(() -> nonce1.combine(nonce2))
                .isInstanceOfSatisfying(PartialTransferException.class,
                        e -> assertThat(e.reason()).isEqualTo(PartialTransferFailure.DIFFERENT_TRANSACTION));
    }

    @Test
    void aSignatureMovedOntoAnotherTransferIsRefusedWhenTheFileIsRead() throws Exception {
        PartialTransfer signedForNonce1 = signer.sign(PartialTransfer.unsigned(unsigned(TWO_OF_THREE, 1)), privateKey(1)).transfer();
        PartialTransfer forged = new PartialTransfer(unsigned(TWO_OF_THREE, 2), signedForNonce1.signatures());
        Path file = dir.resolve("forged.numiptx");
        PartialTransferFiles.write(file, forged, false);
        assertThatThrownBy(() -> PartialTransferFiles.read(file))
                .isInstanceOfSatisfying(FileFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FileFormatFailure.INVALID);
                    assertThat(e.getMessage()).contains("signature of key " + indexOf(TWO_OF_THREE, 1)).contains("does not verify");
                });
    }

    @Test
    void aSingleKeyAccountUsesTheSameFlow() throws Exception {
        SpendingPolicy single = SpendingPolicy.singleKey(TransferFixtures.publicKey(5));
        PartialTransfer signed = signer.sign(PartialTransfer.unsigned(unsigned(single, 3)), privateKey(5)).transfer();
        assertThat(PartialTransferFinalizer.finalizeTransfer(signed).signatures()).hasSize(1);
    }
}
