package io.numicoin.wallet.transfer;

import static io.numicoin.wallet.transfer.TransferFixtures.policy;
import static io.numicoin.wallet.transfer.TransferFixtures.privateKey;
import static io.numicoin.wallet.transfer.TransferFixtures.unsigned;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.wallet.multisig.PolicyFile;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The test vectors of docs/partial-transfer.md: test keys 1..3 (seed = SHA-256 of
 * {@code "numi wallet test key N"}), their sorted 2-of-3 policy, a regtest transfer of 1.5 NUMI
 * (fee 0.0001, memo "rent", nonce 1) to test key 99's address; the policy file, the unsigned file
 * and the file after key 1 signed (ML-DSA-65 signing here is deterministic).
 */
class PartialTransferVectorTest {

    private static final SpendingPolicy POLICY = policy(2, 3);

    @Test
    void policyFile() throws Exception {
        byte[] file = PolicyFile.encode(POLICY);
        assertThat(file.length).isEqualTo(14 + 2 + 3 * 1952 + 32);
        assertThat(HexFormat.of().formatHex(Arrays.copyOf(file, 16))).isEqualTo("4e554d49504f4c000001000017100203");
        assertThat(sha256(file)).isEqualTo("5a1d6881218fad7d5fd6a50f9a36db4df582f85885e30655dc5b96ea0a58b804");
        assertThat(AddressFormat.encode(SpendingPolicyCodec.address(POLICY), TransferFixtures.REGTEST.hrp())).isEqualTo("rnumi1xulcc3vakp9gx9tss2jhvylvdfwxuwgjnq4c5w7zsee4kyefuytqm09vnn");
        assertThat(PolicyFile.decode(file)).isEqualTo(POLICY);
    }

    @Test
    void unsignedAndSignedOnce() throws Exception {
        PartialTransfer unsigned = PartialTransfer.unsigned(unsigned(POLICY, 1));
        byte[] file = PartialTransferCodec.encode(unsigned);
        assertThat(unsigned.txid().toHex()).isEqualTo("1ff3c7b87e92af9e294dc7315a113c057136bb8dc637d00f49a6d5e06b88353d");
        assertThat(file.length).isEqualTo(FILE_LENGTH);
        assertThat(HexFormat.of().formatHex(Arrays.copyOf(file, 18))).isEqualTo("4e554d49505458000001000017810000174e");
        assertThat(sha256(file)).isEqualTo("5855bebc55baf828aa37606a4f8b1d259532cba00bfc77cb07848ea9c9d78b24");

        PartialTransfer signed = new PartialTransferSigner().sign(unsigned, privateKey(1)).transfer();
        byte[] signedFile = PartialTransferCodec.encode(signed);
        assertThat(signedFile.length).isEqualTo(file.length + 3310);
        assertThat(sha256(signedFile)).isEqualTo("6e709c9efe5c5bfbcf3a807e3966de28f489b8d874126d62bdeba5a817b5bf9b");
        assertThat(PartialTransferCheck.verify(PartialTransferCodec.decode(signedFile))).isEqualTo(signed);
    }

    private static final int FILE_LENGTH = 6017;

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
