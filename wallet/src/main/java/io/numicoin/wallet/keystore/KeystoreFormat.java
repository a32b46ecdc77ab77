package io.numicoin.wallet.keystore;

import io.numicoin.protocol.bytes.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The keystore file format, version 1 (docs/keystore.md has the table). Integers are big-endian.
 *
 * <pre>
 * magic "NUMIKEY\0" (8) | version u16 = 1 | file length u32 | kind length u8 | kind ASCII
 * | kdf id u8 = 1 (Argon2id v0x13) | memory KiB u32 | iterations u32 | parallelism u32 | salt (16)
 * | cipher id u8 = 1 (AES-256-GCM) | nonce (12) | public key length u16 | public key
 * | ciphertext length u16 | ciphertext (secret + 16-byte tag) | SHA-256 of all the bytes before (32)
 * </pre>
 *
 * The AEAD's associated data is every byte before the ciphertext. The SHA-256 trailer is not a
 * security measure (the AEAD is): it tells damage apart from a wrong passphrase without running
 * the KDF. Decoding checks, in order: magic, version, the length fields against the declared file
 * length (a disagreement is corruption; a short file whose fields agree is truncation), the
 * checksum, and only then the meaning of each field.
 */
public final class KeystoreFormat {

    public static final int VERSION = 1;
    public static final int SALT_BYTES = 16;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    public static final int CHECKSUM_BYTES = 32;
    /** No valid file is longer: the reader never reads past this. */
    public static final int MAX_FILE_BYTES = 8192;
    static final byte KDF_ARGON2ID = 1;
    static final byte CIPHER_AES_256_GCM = 1;

    private static final byte[] MAGIC = {'N', 'U', 'M', 'I', 'K', 'E', 'Y', 0};
    private static final int VERSION_AT = 8;
    private static final int LENGTH_AT = 10;
    private static final int KIND_LENGTH_AT = 14;
    private static final int KIND_AT = 15;
    /** From the end of the kind to the public key length: kdf id, m, t, p, salt, cipher id, nonce. */
    private static final int PARAMS_BYTES = 1 + 4 + 4 + 4 + SALT_BYTES + 1 + NONCE_BYTES;

    private KeystoreFormat() {
    }

    /** A decoded file: its header, the associated data the AEAD authenticates, and the ciphertext. */
    public record Sealed(KeystoreHeader header, Bytes associatedData, Bytes ciphertext) {
    }

    /** The associated data of {@code header} with a ciphertext of {@code ciphertextLength} bytes. */
    static byte[] associatedData(KeystoreHeader header, int ciphertextLength) {
        byte[] kind = header.kind().id().getBytes(StandardCharsets.US_ASCII);
        int publicKeyLength = header.publicKey().length();
        int fileLength = KIND_AT + kind.length + PARAMS_BYTES + 2 + publicKeyLength + 2 + ciphertextLength + CHECKSUM_BYTES;
        ByteBuffer out = ByteBuffer.allocate(fileLength - ciphertextLength - CHECKSUM_BYTES);
        out.put(MAGIC).putShort((short) header.version()).putInt(fileLength)
                .put((byte) kind.length).put(kind)
                .put(KDF_ARGON2ID).putInt(header.kdf().memoryKiB()).putInt(header.kdf().iterations())
                .putInt(header.kdf().parallelism()).put(header.salt().toArray())
                .put(CIPHER_AES_256_GCM).put(header.nonce().toArray())
                .putShort((short) publicKeyLength).put(header.publicKey().toArray())
                .putShort((short) ciphertextLength);
        return out.array();
    }

    /** The whole file: associated data, ciphertext, checksum. */
    static byte[] encode(byte[] associatedData, byte[] ciphertext) {
        byte[] file = Arrays.copyOf(associatedData, associatedData.length + ciphertext.length + CHECKSUM_BYTES);
        System.arraycopy(ciphertext, 0, file, associatedData.length, ciphertext.length);
        byte[] checksum = sha256(file, associatedData.length + ciphertext.length);
        System.arraycopy(checksum, 0, file, associatedData.length + ciphertext.length, CHECKSUM_BYTES);
        return file;
    }

    /** Decodes and checks a file's bytes; the ciphertext is not opened here. */
    public static Sealed decode(byte[] file) throws KeystoreException {
        int n = file.length;
        if (n < MAGIC.length) {
            if (Arrays.equals(file, 0, n, MAGIC, 0, n)) {
                throw truncated(n, MAGIC.length);
            }
            throw notAKeystore();
        }
        if (!Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw notAKeystore();
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        if (n < LENGTH_AT) {
            throw truncated(n, LENGTH_AT);
        }
        int version = Short.toUnsignedInt(in.getShort(VERSION_AT));
        if (version != VERSION) {
            throw new KeystoreException(KeystoreFailure.UNSUPPORTED_VERSION, "keystore format version " + version
                    + " is not supported (this build reads version " + VERSION + "): use a newer NumiCoin");
        }
        int declared = checkLengths(file, in);
        if (!Arrays.equals(sha256(file, declared - CHECKSUM_BYTES), 0, CHECKSUM_BYTES, file, declared - CHECKSUM_BYTES, declared)) {
            throw corrupted("its checksum does not match its contents");
        }
        return parse(in, declared);
    }

    /** The declared file length, once every length field is found consistent with it and with the bytes present. */
    private static int checkLengths(byte[] file, ByteBuffer in) throws KeystoreException {
        int n = file.length;
        if (n < KIND_LENGTH_AT) {
            throw truncated(n, KIND_LENGTH_AT);
        }
        long declared = Integer.toUnsignedLong(in.getInt(LENGTH_AT));
        if (declared > MAX_FILE_BYTES || declared < KIND_AT + PARAMS_BYTES + 4 + CHECKSUM_BYTES) {
            throw corrupted("its declared length " + declared + " is impossible");
        }
        if (n <= KIND_LENGTH_AT) {
            throw truncated(n, declared);
        }
        int kindLength = Byte.toUnsignedInt(file[KIND_LENGTH_AT]);
        if (kindLength < 1 || kindLength > KeyKind.MAX_ID_LENGTH) {
            throw corrupted("its kind length " + kindLength + " is impossible");
        }
        int publicKeyLengthAt = KIND_AT + kindLength + PARAMS_BYTES;
        if (publicKeyLengthAt + 2 > declared) {
            throw corrupted("its length fields disagree");
        }
        if (n < publicKeyLengthAt + 2) {
            throw truncated(n, declared);
        }
        int ciphertextLengthAt = publicKeyLengthAt + 2 + Short.toUnsignedInt(in.getShort(publicKeyLengthAt));
        if (ciphertextLengthAt + 2 > declared) {
            throw corrupted("its length fields disagree");
        }
        if (n < ciphertextLengthAt + 2) {
            throw truncated(n, declared);
        }
        long implied = ciphertextLengthAt + 2L + Short.toUnsignedInt(in.getShort(ciphertextLengthAt)) + CHECKSUM_BYTES;
        if (implied != declared) {
            throw corrupted("its length fields disagree");
        }
        if (n < declared) {
            throw truncated(n, declared);
        }
        if (n > declared) {
            throw corrupted((n - declared) + " bytes follow its declared end");
        }
        return (int) declared;
    }

    /** The fields of a file whose lengths and checksum are right. */
    private static Sealed parse(ByteBuffer in, int fileLength) throws KeystoreException {
        in.position(KIND_LENGTH_AT);
        byte[] kindBytes = new byte[Byte.toUnsignedInt(in.get())];
        in.get(kindBytes);
        String kindId = new String(kindBytes, StandardCharsets.US_ASCII);
        if (!kindId.matches("[a-z0-9-]+")) {
            throw malformed("its kind is not lower-case ASCII letters, digits and '-'");
        }
        KeyKind kind = KeyKind.ofId(kindId).orElseThrow(() -> new KeystoreException(KeystoreFailure.UNKNOWN_KIND,
                "the keystore holds a key of kind '" + kindId + "', which this build does not know"));
        byte kdfId = in.get();
        if (kdfId != KDF_ARGON2ID) {
            throw unsupported("KDF id " + kdfId + " is unknown (1 is Argon2id)");
        }
        long memory = Integer.toUnsignedLong(in.getInt());
        long iterations = Integer.toUnsignedLong(in.getInt());
        long parallelism = Integer.toUnsignedLong(in.getInt());
        String problem = KdfParams.problem(memory, iterations, parallelism).orElse(null);
        if (problem != null) {
            throw unsupported(problem);
        }
        Bytes salt = take(in, SALT_BYTES);
        byte cipherId = in.get();
        if (cipherId != CIPHER_AES_256_GCM) {
            throw unsupported("cipher id " + cipherId + " is unknown (1 is AES-256-GCM)");
        }
        Bytes nonce = take(in, NONCE_BYTES);
        int publicKeyLength = Short.toUnsignedInt(in.getShort());
        if (publicKeyLength != kind.publicKeyLength()) {
            throw malformed("a " + kindId + " public key has " + kind.publicKeyLength() + " bytes, the file has " + publicKeyLength);
        }
        Bytes publicKey = take(in, publicKeyLength);
        int ciphertextLength = Short.toUnsignedInt(in.getShort());
        if (ciphertextLength != kind.secretLength() + TAG_BYTES) {
            throw malformed("a " + kindId + " ciphertext has " + (kind.secretLength() + TAG_BYTES) + " bytes, the file has "
                    + ciphertextLength);
        }
        int associatedLength = in.position();
        Bytes ciphertext = take(in, ciphertextLength);
        if (in.position() != fileLength - CHECKSUM_BYTES) {
            throw malformed("fields end at " + in.position());
        }
        KeystoreHeader header = new KeystoreHeader(VERSION, kind,
                new KdfParams((int) memory, (int) iterations, (int) parallelism), salt, nonce, publicKey);
        return new Sealed(header, Bytes.of(in.array(), 0, associatedLength), ciphertext);
    }

    private static Bytes take(ByteBuffer in, int length) {
        byte[] out = new byte[length];
        in.get(out);
        return Bytes.of(out);
    }

    private static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static KeystoreException notAKeystore() {
        return new KeystoreException(KeystoreFailure.NOT_A_KEYSTORE, "not a NumiCoin keystore (no NUMIKEY magic)");
    }

    private static KeystoreException truncated(int have, long want) {
        return new KeystoreException(KeystoreFailure.TRUNCATED, "the keystore is truncated: it has " + have + " bytes, at least "
                + want + " are needed; restore it from a backup or the mnemonic");
    }

    private static KeystoreException corrupted(String why) {
        return new KeystoreException(KeystoreFailure.CORRUPTED, "the keystore is corrupted: " + why
                + "; restore it from a backup or the mnemonic");
    }

    private static KeystoreException malformed(String why) {
        return new KeystoreException(KeystoreFailure.MALFORMED, "the keystore is malformed: " + why);
    }

    private static KeystoreException unsupported(String why) {
        return new KeystoreException(KeystoreFailure.UNSUPPORTED_PARAMETERS, "the keystore's parameters are not supported: " + why);
    }
}
