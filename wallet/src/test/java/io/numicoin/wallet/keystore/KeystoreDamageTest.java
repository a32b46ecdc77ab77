package io.numicoin.wallet.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.bytes.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Damaged, truncated and foreign files: each gives its typed reason and the file stays as it was. */
class KeystoreDamageTest {

    static final char[] PASSPHRASE = KeystoreTest.PASSPHRASE;

    @TempDir
    Path dir;

    byte[] validFile(KeyKind kind) throws Exception {
        Path path = dir.resolve("valid-" + kind.id());
        new Keystore(KeystoreTest.seeded(7)).generate(path, kind, PASSPHRASE, KeystoreTest.FAST);
        return Files.readAllBytes(path);
    }

    /** Unlocks {@code bytes} written to a file; asserts the file is byte for byte the same afterwards. */
    KeystoreFailure unlockFailure(byte[] bytes) throws Exception {
        Path path = dir.resolve("damaged");
        Files.write(path, bytes);
        KeystoreFailure reason;
        try (UnlockedKey ignored = Keystore.unlock(path, PASSPHRASE)) {
            reason = null;
        } catch (KeystoreException e) {
            reason = e.reason();
        }
        assertThat(Files.readAllBytes(path)).isEqualTo(bytes);
        return reason;
    }

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void everyFlippedByteIsDetectedBeforeTheKdf(KeyKind kind) throws Exception {
        byte[] valid = validFile(kind);
        Random random = new Random(11);
        for (int i = 0; i < valid.length; i++) {
            byte[] damaged = valid.clone();
            damaged[i] ^= (byte) (1 + random.nextInt(255));

            KeystoreFailure expected = i < 8 ? KeystoreFailure.NOT_A_KEYSTORE
                    : i < 10 ? KeystoreFailure.UNSUPPORTED_VERSION : KeystoreFailure.CORRUPTED;
            assertThat(decodeFailure(damaged)).as("byte %d flipped", i).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void sampledFlipsThroughFilesChangeNothingOnDisk(KeyKind kind) throws Exception {
        byte[] valid = validFile(kind);
        Random random = new Random(13);
        for (int sample = 0; sample < 40; sample++) {
            int i = 10 + random.nextInt(valid.length - 10);
            byte[] damaged = valid.clone();
            damaged[i] ^= (byte) (1 << random.nextInt(8));

            assertThat(unlockFailure(damaged)).as("byte %d flipped", i).isEqualTo(KeystoreFailure.CORRUPTED);
        }
    }

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void everyTruncationIsReportedAsTruncated(KeyKind kind) throws Exception {
        byte[] valid = validFile(kind);
        for (int length = 0; length < valid.length; length++) {
            assertThat(decodeFailure(Arrays.copyOf(valid, length))).as("first %d bytes", length).isEqualTo(KeystoreFailure.TRUNCATED);
        }
        for (int length : new int[] {0, 7, 14, 60, valid.length - 33, valid.length - 1}) {
            assertThat(unlockFailure(Arrays.copyOf(valid, length))).isEqualTo(KeystoreFailure.TRUNCATED);
        }
    }

    @Test
    void trailingBytesAreCorruption() throws Exception {
        byte[] valid = validFile(KeyKind.ED25519);

        assertThat(unlockFailure(Arrays.copyOf(valid, valid.length + 1))).isEqualTo(KeystoreFailure.CORRUPTED);
        assertThat(unlockFailure(Arrays.copyOf(valid, KeystoreFormat.MAX_FILE_BYTES + 100))).isEqualTo(KeystoreFailure.CORRUPTED);
    }

    @Test
    void unknownVersionIsTypedEvenWithAValidChecksum() throws Exception {
        byte[] file = validFile(KeyKind.ML_DSA_65_SEED);
        ByteBuffer.wrap(file).putShort(8, (short) 2);
        rechecksum(file);

        assertThat(unlockFailure(file)).isEqualTo(KeystoreFailure.UNSUPPORTED_VERSION);
        ByteBuffer.wrap(file).putShort(8, (short) 0);
        assertThat(unlockFailure(file)).isEqualTo(KeystoreFailure.UNSUPPORTED_VERSION);
    }

    @Test
    void foreignFilesAreNotKeystores() throws Exception {
        assertThat(unlockFailure("mldsa65-seed: 00112233".getBytes(StandardCharsets.US_ASCII))).isEqualTo(KeystoreFailure.NOT_A_KEYSTORE);
        assertThat(unlockFailure(new byte[] {'N', 'U', 'M', 'X'})).isEqualTo(KeystoreFailure.NOT_A_KEYSTORE);
        assertThat(unlockFailure(new byte[] {'N', 'U', 'M'})).isEqualTo(KeystoreFailure.TRUNCATED);
    }

    /**
     * A header changed by someone who also recomputed the checksum still fails: the whole header
     * is the AEAD's associated data. Salt, KDF parameters, nonce and public key are each tried.
     */
    @Test
    void headerChangedWithARecomputedChecksumFailsAuthentication() throws Exception {
        byte[] valid = validFile(KeyKind.ED25519);
        int kindEnd = 15 + "ed25519".length();
        int[] offsets = {kindEnd + 4 /* memory: 64 -> 65 KiB */, kindEnd + 13 /* salt */, kindEnd + 30 /* nonce */,
            kindEnd + 44 /* public key */};
        for (int offset : offsets) {
            byte[] file = valid.clone();
            file[offset] ^= 1;
            rechecksum(file);

            assertThat(unlockFailure(file)).as("byte %d changed", offset).isEqualTo(KeystoreFailure.WRONG_PASSPHRASE);
        }
    }

    @Test
    void unknownKindAndExcessiveParametersAreTyped() throws Exception {
        byte[] file = validFile(KeyKind.ML_DSA_65_SEED);
        byte[] unknownKind = file.clone();
        System.arraycopy("ml-dsa-87-seed".getBytes(StandardCharsets.US_ASCII), 0, unknownKind, 15, 14);
        rechecksum(unknownKind);
        byte[] hugeMemory = file.clone();
        ByteBuffer.wrap(hugeMemory).putInt(15 + 14 + 1, KdfParams.MAX_MEMORY_KIB + 1);
        rechecksum(hugeMemory);
        byte[] unknownCipher = file.clone();
        unknownCipher[15 + 14 + 1 + 12 + 16] = 2;
        rechecksum(unknownCipher);

        assertThat(unlockFailure(unknownKind)).isEqualTo(KeystoreFailure.UNKNOWN_KIND);
        assertThat(unlockFailure(hugeMemory)).isEqualTo(KeystoreFailure.UNSUPPORTED_PARAMETERS);
        assertThat(unlockFailure(unknownCipher)).isEqualTo(KeystoreFailure.UNSUPPORTED_PARAMETERS);
    }

    /** A well-formed file whose public key is not the key's (only its writer could make it) is refused. */
    @Test
    void decryptedKeyMustMatchTheStoredPublicKey() throws Exception {
        byte[] secret = KeystoreTest.randomBytes(32, 5);
        byte[] otherPublicKey = KeyKind.ED25519.publicKeyOf(KeystoreTest.randomBytes(32, 6));
        var header = new KeystoreHeader(1, KeyKind.ED25519, KeystoreTest.FAST,
                Bytes.of(new byte[16]), Bytes.of(new byte[12]),
                Bytes.of(otherPublicKey));
        byte[] associatedData = KeystoreFormat.associatedData(header, 48);
        byte[] key = PassphraseKdf.deriveKey(PASSPHRASE, new byte[16], KeystoreTest.FAST);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, new byte[12]));
        cipher.updateAAD(associatedData);
        byte[] file = KeystoreFormat.encode(associatedData, cipher.doFinal(secret));

        assertThat(unlockFailure(file)).isEqualTo(KeystoreFailure.KEY_MISMATCH);
    }

    private static KeystoreFailure decodeFailure(byte[] bytes) {
        try {
            KeystoreFormat.decode(bytes);
            return null;
        } catch (KeystoreException e) {
            return e.reason();
        }
    }

    private static void rechecksum(byte[] file) throws Exception {
        byte[] sum = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(file, file.length - 32));
        System.arraycopy(sum, 0, file, file.length - 32, 32);
    }

    @Test
    void inspectReportsTheSameReasons() throws Exception {
        byte[] valid = validFile(KeyKind.ED25519);
        Path path = dir.resolve("short");
        Files.write(path, Arrays.copyOf(valid, 100));

        assertThatThrownBy(() -> Keystore.inspect(path))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(KeystoreFailure.TRUNCATED));
    }
}
