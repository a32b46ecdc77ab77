package io.numicoin.wallet.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.crypto.MlDsaProviders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeystoreTest {

    static final KdfParams FAST = new KdfParams(64, 1, 1);
    static final char[] PASSPHRASE = "hunter2 but longer".toCharArray();

    @TempDir
    Path dir;

    final Keystore keystore = new Keystore(seeded(1));

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void roundTripGivesBackTheSecretAndItsPublicKey(KeyKind kind) throws Exception {
        byte[] secret = randomBytes(kind.secretLength(), 2);
        Path path = dir.resolve("key.numikey");

        KeystoreHeader created = keystore.create(path, kind, secret, PASSPHRASE, FAST);

        assertThat(Keystore.inspect(path)).isEqualTo(created);
        assertThat(created.kind()).isEqualTo(kind);
        assertThat(created.publicKey().toArray()).isEqualTo(kind.publicKeyOf(secret));
        try (UnlockedKey key = Keystore.unlock(path, PASSPHRASE)) {
            assertThat(key.secret()).isEqualTo(secret);
            assertThat(key.header()).isEqualTo(created);
        }
        assertNoPlainSecretUnder(dir, secret);
    }

    @Test
    void mlDsaKeyFromTheKeystoreSignsForItsStoredPublicKey() throws Exception {
        Path path = dir.resolve("wallet.numikey");
        KeystoreHeader header = keystore.generate(path, KeyKind.ML_DSA_65_SEED, PASSPHRASE, FAST);

        try (UnlockedKey key = Keystore.unlock(path, PASSPHRASE)) {
            var pair = MlDsaProviders.preferred().keyPair(key.mlDsaPrivateKey());
            assertThat(pair.publicKey().bytes()).isEqualTo(header.publicKey());
            byte[] message = {1, 2, 3};
            assertThat(MlDsaProviders.preferred().verify(pair.publicKey(), message,
                    MlDsaProviders.preferred().sign(pair.privateKey(), message))).isTrue();
        }
    }

    @Test
    void fileIsOwnerOnlyAndNoTempFileRemains() throws Exception {
        Path path = dir.resolve("sub/key.numikey");
        keystore.generate(path, KeyKind.ED25519, PASSPHRASE, FAST);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(path.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("key.numikey");
        }
    }

    @Test
    void wrongPassphraseIsTypedAndChangesNothing() throws Exception {
        Path path = dir.resolve("key.numikey");
        keystore.generate(path, KeyKind.ML_DSA_65_SEED, PASSPHRASE, FAST);
        byte[] before = Files.readAllBytes(path);

        assertThatThrownBy(() -> Keystore.unlock(path, "hunter3 but longer".toCharArray()))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(KeystoreFailure.WRONG_PASSPHRASE));
        assertThatThrownBy(() -> keystore.changePassphrase(path, "nope".toCharArray(), "new one".toCharArray(), FAST))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(KeystoreFailure.WRONG_PASSPHRASE));
        assertThat(Files.readAllBytes(path)).isEqualTo(before);
    }

    @Test
    void passphraseChangeReEncryptsTheSameKeyUnderANewSaltAndParameters() throws Exception {
        Path path = dir.resolve("key.numikey");
        byte[] secret = randomBytes(32, 3);
        KeystoreHeader old = keystore.create(path, KeyKind.ML_DSA_65_SEED, secret, PASSPHRASE, FAST);
        char[] newPassphrase = "a much better passphrase".toCharArray();
        KdfParams stronger = new KdfParams(128, 2, 1);

        KeystoreHeader changed = keystore.changePassphrase(path, PASSPHRASE, newPassphrase, stronger);

        assertThat(changed.publicKey()).isEqualTo(old.publicKey());
        assertThat(changed.kdf()).isEqualTo(stronger);
        assertThat(changed.salt()).isNotEqualTo(old.salt());
        assertThat(changed.nonce()).isNotEqualTo(old.nonce());
        assertThat(Keystore.inspect(path)).isEqualTo(changed);
        try (UnlockedKey key = Keystore.unlock(path, newPassphrase)) {
            assertThat(key.secret()).isEqualTo(secret);
        }
        assertThatThrownBy(() -> Keystore.unlock(path, PASSPHRASE))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(KeystoreFailure.WRONG_PASSPHRASE));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1);
        }
        assertNoPlainSecretUnder(dir, secret);
    }

    @Test
    void createNeverReplacesAnExistingFile() throws Exception {
        Path path = dir.resolve("key.numikey");
        Files.writeString(path, "something precious");

        assertThatThrownBy(() -> keystore.generate(path, KeyKind.ED25519, PASSPHRASE, FAST))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(KeystoreFailure.ALREADY_EXISTS));
        assertThat(Files.readString(path)).isEqualTo("something precious");
    }

    @Test
    void emptyPassphraseIsRefusedForANewKeystore() {
        Path path = dir.resolve("key.numikey");

        assertThatThrownBy(() -> keystore.generate(path, KeyKind.ED25519, new char[0], FAST))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(KeystoreFailure.EMPTY_PASSPHRASE));
        assertThat(path).doesNotExist();
    }

    @Test
    void composedAndDecomposedUnicodePassphrasesAreTheSame() throws Exception {
        Path path = dir.resolve("key.numikey");
        keystore.generate(path, KeyKind.ED25519, "caf\u00e9 \u00fcber".toCharArray(), FAST);

        try (UnlockedKey key = Keystore.unlock(path, "cafe\u0301 u\u0308ber".toCharArray())) {
            assertThat(key.kind()).isEqualTo(KeyKind.ED25519);
        }
    }

    @Test
    void missingFileIsAnIoFailure() {
        assertThatThrownBy(() -> Keystore.unlock(dir.resolve("absent"), PASSPHRASE))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(KeystoreFailure.IO));
    }

    @Test
    void closedKeyIsZeroedAndRefusesUse() throws Exception {
        Path path = dir.resolve("key.numikey");
        keystore.generate(path, KeyKind.ML_DSA_65_SEED, PASSPHRASE, FAST);
        UnlockedKey key = Keystore.unlock(path, PASSPHRASE);

        key.close();

        assertThatThrownBy(key::secret).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(key::mlDsaPrivateKey).isInstanceOf(IllegalStateException.class);
    }

    static void assertNoPlainSecretUnder(Path root, byte[] secret) throws IOException {
        String hex = HexFormat.of().formatHex(secret);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                assertThat(indexOf(content, secret)).as("raw secret in %s", file).isEqualTo(-1);
                assertThat(new String(content, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase())
                        .as("hex secret in %s", file).doesNotContain(hex);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] randomBytes(int length, long seed) {
        byte[] out = new byte[length];
        new Random(seed).nextBytes(out);
        return out;
    }

    /** A SecureRandom whose output is fixed by {@code seed}, so failures reproduce. */
    static SecureRandom seeded(long seed) {
        Random random = new Random(seed);
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                random.nextBytes(bytes);
            }
        };
    }
}
