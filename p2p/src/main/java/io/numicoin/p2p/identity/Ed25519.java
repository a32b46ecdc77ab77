package io.numicoin.p2p.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/** Ed25519 with raw 32-byte keys on top of the JDK provider (X.509/PKCS#8 prefixes added here). */
public final class Ed25519 {

    public static final int KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final byte[] PKCS8_PREFIX = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
        0x04, 0x22, 0x04, 0x20};

    private Ed25519() {
    }

    public static PublicKey publicKey(byte[] raw) {
        check(raw);
        return decode(() -> KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw))));
    }

    public static PrivateKey privateKey(byte[] seed) {
        check(seed);
        return decode(() -> KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed))));
    }

    /** The raw 32 bytes of a JDK Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_BYTES, encoded.length);
    }

    /** The raw 32-byte seed of a JDK Ed25519 private key. */
    public static byte[] seed(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_BYTES, encoded.length);
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** False for a bad signature, a malformed key or a signature of the wrong length. */
    public static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        if (rawPublicKey.length != KEY_BYTES || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey(rawPublicKey));
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void check(byte[] raw) {
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 key has " + KEY_BYTES + " bytes, got " + raw.length);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private interface KeyDecoder<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T decode(KeyDecoder<T> decoder) {
        try {
            return decoder.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 key: " + e.getMessage(), e);
        }
    }
}
