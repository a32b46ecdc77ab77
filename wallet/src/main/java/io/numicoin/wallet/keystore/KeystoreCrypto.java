package io.numicoin.wallet.keystore;

import io.numicoin.protocol.bytes.Bytes;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sealing and opening keystores in memory: Argon2id derives the key, AES-256-GCM (the JDK's)
 * encrypts the secret with the header as associated data. No file IO here.
 */
public final class KeystoreCrypto {

    private KeystoreCrypto() {
    }

    /**
     * The file bytes of {@code secret} under {@code passphrase}, with the given salt and nonce
     * (fresh random ones in production; fixed ones make test vectors).
     */
    public static byte[] seal(KeyKind kind, byte[] secret, char[] passphrase, KdfParams kdf, Bytes salt, Bytes nonce)
            throws KeystoreException {
        if (secret.length != kind.secretLength()) {
            throw new IllegalArgumentException("a " + kind.id() + " secret has " + kind.secretLength() + " bytes, got " + secret.length);
        }
        if (passphrase.length == 0) {
            throw new KeystoreException(KeystoreFailure.EMPTY_PASSPHRASE, "a keystore needs a non-empty passphrase");
        }
        KeystoreHeader header = new KeystoreHeader(KeystoreFormat.VERSION, kind, kdf, salt, nonce, Bytes.of(kind.publicKeyOf(secret)));
        byte[] associatedData = KeystoreFormat.associatedData(header, secret.length + KeystoreFormat.TAG_BYTES);
        byte[] key = PassphraseKdf.deriveKey(passphrase, salt.toArray(), kdf);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(associatedData);
            return KeystoreFormat.encode(associatedData, cipher.doFinal(secret));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Decodes, checks and decrypts a keystore file's bytes. */
    public static UnlockedKey open(byte[] file, char[] passphrase) throws KeystoreException {
        KeystoreFormat.Sealed sealed = KeystoreFormat.decode(file);
        KeystoreHeader header = sealed.header();
        byte[] key = PassphraseKdf.deriveKey(passphrase, header.salt().toArray(), header.kdf());
        byte[] secret;
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, header.nonce());
            cipher.updateAAD(sealed.associatedData().toArray());
            secret = cipher.doFinal(sealed.ciphertext().toArray());
        } catch (AEADBadTagException e) {
            throw new KeystoreException(KeystoreFailure.WRONG_PASSPHRASE,
                    "wrong passphrase (or the file was altered and its checksum recomputed)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM decryption failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        if (!MessageDigest.isEqual(header.kind().publicKeyOf(secret), header.publicKey().toArray())) {
            Arrays.fill(secret, (byte) 0);
            throw new KeystoreException(KeystoreFailure.KEY_MISMATCH,
                    "the decrypted key does not match the public key in the keystore's header");
        }
        return new UnlockedKey(header, secret);
    }

    private static Cipher cipher(int mode, byte[] key, Bytes nonce) throws GeneralSecurityException {
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, spec, new GCMParameterSpec(KeystoreFormat.TAG_BYTES * 8, nonce.toArray()));
        return cipher;
    }
}
