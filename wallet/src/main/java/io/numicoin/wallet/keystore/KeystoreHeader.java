package io.numicoin.wallet.keystore;

import io.numicoin.protocol.bytes.Bytes;
import java.util.Objects;

/**
 * Everything in a keystore file but the encrypted key: readable without the passphrase, and
 * authenticated as the AEAD's associated data.
 */
public record KeystoreHeader(int version, KeyKind kind, KdfParams kdf, Bytes salt, Bytes nonce, Bytes publicKey) {

    public KeystoreHeader {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kdf, "kdf");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(publicKey, "publicKey");
        if (salt.length() != KeystoreFormat.SALT_BYTES) {
            throw new IllegalArgumentException("the salt has " + KeystoreFormat.SALT_BYTES + " bytes, got " + salt.length());
        }
        if (nonce.length() != KeystoreFormat.NONCE_BYTES) {
            throw new IllegalArgumentException("the nonce has " + KeystoreFormat.NONCE_BYTES + " bytes, got " + nonce.length());
        }
        if (publicKey.length() != kind.publicKeyLength()) {
            throw new IllegalArgumentException("a " + kind.id() + " public key has " + kind.publicKeyLength()
                    + " bytes, got " + publicKey.length());
        }
    }
}
