package io.numicoin.wallet.multisig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.wallet.file.FileFormatException;
import io.numicoin.wallet.file.FileFormatFailure;
import io.numicoin.wallet.transfer.TransferFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multisig policies as the wallet makes them (sorted keys) and their files. */
class PolicyFileTest {

    @TempDir
    Path dir;

    @Test
    void theKeysOrderDoesNotChangeThePolicy() {
        MlDsaPublicKey a = TransferFixtures.publicKey(1);
        MlDsaPublicKey b = TransferFixtures.publicKey(2);
        MlDsaPublicKey c = TransferFixtures.publicKey(3);
        SpendingPolicy one = MultisigPolicies.sorted(2, List.of(a, b, c));
        assertThat(MultisigPolicies.sorted(2, List.of(c, a, b))).isEqualTo(one);
        assertThat(one.keys()).isSortedAccordingTo((x, y) -> x.bytes().compareTo(y.bytes()));
    }

    @Test
    void refusesWhatIsNoMultisigPolicy() {
        MlDsaPublicKey a = TransferFixtures.publicKey(1);
        MlDsaPublicKey b = TransferFixtures.publicKey(2);
        assertThatThrownBy(() -> MultisigPolicies.sorted(1, List.of(a))).hasMessageContaining("at least 2 keys");
        assertThatThrownBy(() -> MultisigPolicies.sorted(2, List.of(a, a))).hasMessageContaining("given twice");
        assertThatThrownBy(() -> MultisigPolicies.sorted(3, List.of(a, b))).hasMessageContaining("within 1..2");
        assertThatThrownBy(() -> MultisigPolicies.sorted(0, List.of(a, b))).hasMessageContaining("within 1..2");
    }

    @Test
    void roundTripsThroughANewFileWithMode0600AndNeverReplacesOne() throws Exception {
        SpendingPolicy policy = TransferFixtures.policy(2, 3);
        Path file = dir.resolve("treasury" + PolicyFile.SUFFIX);
        PolicyFile.create(file, policy);
        assertThat(PolicyFile.read(file)).isEqualTo(policy);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThatThrownBy(() -> PolicyFile.create(file, TransferFixtures.policy(1, 2)))
                .isInstanceOfSatisfying(FileFormatException.class, e -> assertThat(e.reason()).isEqualTo(FileFormatFailure.IO));
        assertThat(PolicyFile.read(file)).isEqualTo(policy);
    }

    @Test
    void aDamagedOrForeignFileIsRefusedWithItsReason() throws Exception {
        byte[] bytes = PolicyFile.encode(TransferFixtures.policy(2, 3));
        Path cut = Files.write(dir.resolve("cut.numipolicy"), java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThatThrownBy(() -> PolicyFile.read(cut)).isInstanceOfSatisfying(FileFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(FileFormatFailure.TRUNCATED));
        bytes[20] ^= 1;
        Path flipped = Files.write(dir.resolve("flipped.numipolicy"), bytes);
        assertThatThrownBy(() -> PolicyFile.read(flipped)).isInstanceOfSatisfying(FileFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(FileFormatFailure.CORRUPTED));
        Path big = Files.write(dir.resolve("big.numipolicy"), new byte[PolicyFile.MAX_BYTES + 10]);
        assertThatThrownBy(() -> PolicyFile.read(big)).isInstanceOfSatisfying(FileFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(FileFormatFailure.NOT_THIS_FORMAT));
        assertThatThrownBy(() -> PolicyFile.read(dir.resolve("missing.numipolicy"))).isInstanceOfSatisfying(FileFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(FileFormatFailure.IO));
    }
}
