package io.numicoin.wallet.keystore;

import io.numicoin.protocol.pow.Argon2id;
import java.util.Arrays;

/** The AEAD key of a keystore: Argon2id(passphrase, salt), 32 bytes, no secret, no associated data. */
final class PassphraseKdf {

    static final int KEY_BYTES = 32;
    private static final byte[] EMPTY = new byte[0];

    private PassphraseKdf() {
    }

    /** A new 32-byte key the caller must zero; the password bytes and Argon2id's memory are zeroed here. */
    static byte[] deriveKey(char[] passphrase, byte[] salt, KdfParams params) {
        byte[] password = Passphrases.utf8(passphrase);
        Argon2id argon2id = new Argon2id(params.memoryKiB(), params.iterations(), params.parallelism());
        byte[] key = new byte[KEY_BYTES];
        try {
            argon2id.hash(password, salt, EMPTY, EMPTY, key);
            return key;
        } finally {
            Arrays.fill(password, (byte) 0);
            argon2id.wipe();
        }
    }
}
