package io.numicoin.wallet.keystore;

/** Why a keystore could not be read, unlocked or written. Every case leaves the file as it was. */
public enum KeystoreFailure {
    /** No file at the path, or it cannot be read or written. */
    IO,
    /** {@code create} refuses to replace an existing file. */
    ALREADY_EXISTS,
    /** The file does not start with the keystore magic. */
    NOT_A_KEYSTORE,
    /** A format version this code does not read. */
    UNSUPPORTED_VERSION,
    /** The file ends before the length its header declares. */
    TRUNCATED,
    /** The checksum or the length fields do not match the bytes: a changed or damaged file. */
    CORRUPTED,
    /** The checksum matches but a field is impossible (a wrong writer, not damage). */
    MALFORMED,
    /** A KDF or cipher this code does not know, or KDF parameters beyond the reader's limits. */
    UNSUPPORTED_PARAMETERS,
    /** A key kind this code does not know. */
    UNKNOWN_KIND,
    /** The AEAD tag does not verify: the passphrase is wrong (or the file was altered and its checksum recomputed). */
    WRONG_PASSPHRASE,
    /** The decrypted key does not give the public key stored in the header. */
    KEY_MISMATCH,
    /** An empty passphrase was given for a new keystore. */
    EMPTY_PASSPHRASE
}
