package io.numicoin.wallet.keystore;

import io.numicoin.protocol.bytes.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Keystore files on disk: create, inspect (no passphrase), unlock, change the passphrase. Every
 * write is atomic with mode 0600; every failure leaves the file as it was. Thread-safe.
 */
public final class Keystore {

    private final SecureRandom random;

    /** {@code random} supplies salts, nonces and new keys: a strong {@link SecureRandom} in production. */
    public Keystore(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Generates a new key of {@code kind} and stores it at {@code path}, which must not exist. */
    public KeystoreHeader generate(Path path, KeyKind kind, char[] passphrase, KdfParams kdf) throws KeystoreException {
        byte[] secret = new byte[kind.secretLength()];
        random.nextBytes(secret);
        try {
            return create(path, kind, secret, passphrase, kdf);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Stores {@code secret} (imported or recovered) at {@code path}, which must not exist. */
    public KeystoreHeader create(Path path, KeyKind kind, byte[] secret, char[] passphrase, KdfParams kdf)
            throws KeystoreException {
        if (Files.exists(path)) {
            throw exists(path);
        }
        byte[] file = seal(kind, secret, passphrase, kdf);
        write(path, file, false);
        return KeystoreFormat.decode(file).header();
    }

    /** The header of the keystore at {@code path}: kind, public key, KDF parameters. No passphrase needed. */
    public static KeystoreHeader inspect(Path path) throws KeystoreException {
        return KeystoreFormat.decode(read(path)).header();
    }

    /** Decrypts the keystore at {@code path}; close the result when done. */
    public static UnlockedKey unlock(Path path, char[] passphrase) throws KeystoreException {
        return KeystoreCrypto.open(read(path), passphrase);
    }

    /**
     * Re-encrypts the keystore at {@code path} under {@code newPassphrase}, with a new salt and
     * nonce and the KDF parameters {@code kdf}, replacing the file atomically. A wrong
     * {@code oldPassphrase} changes nothing.
     */
    public KeystoreHeader changePassphrase(Path path, char[] oldPassphrase, char[] newPassphrase, KdfParams kdf)
            throws KeystoreException {
        try (UnlockedKey key = unlock(path, oldPassphrase)) {
            byte[] secret = key.secret();
            try {
                byte[] file = seal(key.kind(), secret, newPassphrase, kdf);
                write(path, file, true);
                return KeystoreFormat.decode(file).header();
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    private byte[] seal(KeyKind kind, byte[] secret, char[] passphrase, KdfParams kdf) throws KeystoreException {
        byte[] salt = new byte[KeystoreFormat.SALT_BYTES];
        byte[] nonce = new byte[KeystoreFormat.NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        return KeystoreCrypto.seal(kind, secret, passphrase, kdf, Bytes.of(salt), Bytes.of(nonce));
    }

    /** The file's bytes, never more than one byte past the largest valid file. */
    static byte[] read(Path path) throws KeystoreException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(KeystoreFormat.MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new KeystoreException(KeystoreFailure.IO, "no keystore at " + path, e);
        } catch (IOException e) {
            throw new KeystoreException(KeystoreFailure.IO, "cannot read the keystore " + path + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path path, byte[] file, boolean replace) throws KeystoreException {
        try {
            AtomicFiles.write(path, file, replace);
        } catch (FileAlreadyExistsException e) {
            throw exists(path);
        } catch (IOException e) {
            throw new KeystoreException(KeystoreFailure.IO, "cannot write the keystore " + path + ": " + e.getMessage(), e);
        }
    }

    private static KeystoreException exists(Path path) {
        return new KeystoreException(KeystoreFailure.ALREADY_EXISTS, path + " exists already (not overwritten)");
    }
}
