package io.numicoin.p2p.security.noise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The Noise SymmetricState (Noise spec §5.2) for SHA-256 and ChaChaPoly. */
final class SymmetricState {

    static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";

    private byte[] chainingKey;
    private byte[] hash;
    private CipherState cipher;

    SymmetricState() {
        byte[] name = PROTOCOL_NAME.getBytes(StandardCharsets.US_ASCII);
        hash = name.length <= 32 ? Arrays.copyOf(name, 32) : sha256(name);
        chainingKey = hash.clone();
    }

    void mixKey(byte[] inputKeyMaterial) {
        byte[][] out = hkdf(chainingKey, inputKeyMaterial);
        chainingKey = out[0];
        cipher = new CipherState(out[1]);
    }

    void mixHash(byte[] data) {
        MessageDigest digest = digest();
        digest.update(hash);
        digest.update(data);
        hash = digest.digest();
    }

    byte[] encryptAndHash(byte[] plaintext) {
        byte[] ciphertext = cipher == null ? plaintext : cipher.encrypt(hash, plaintext);
        mixHash(ciphertext);
        return ciphertext;
    }

    byte[] decryptAndHash(byte[] ciphertext) throws NoiseException {
        byte[] plaintext = cipher == null ? ciphertext : cipher.decrypt(hash, ciphertext);
        mixHash(ciphertext);
        return plaintext;
    }

    boolean hasKey() {
        return cipher != null;
    }

    /** The two transport CipherStates: initiator-to-responder first. */
    CipherState[] split() {
        byte[][] out = hkdf(chainingKey, new byte[0]);
        return new CipherState[] {new CipherState(out[0]), new CipherState(out[1])};
    }

    byte[] handshakeHash() {
        return hash.clone();
    }

    private static byte[][] hkdf(byte[] chainingKey, byte[] inputKeyMaterial) {
        byte[] tempKey = hmac(chainingKey, inputKeyMaterial);
        byte[] out1 = hmac(tempKey, new byte[] {1});
        byte[] in2 = Arrays.copyOf(out1, 33);
        in2[32] = 2;
        byte[] out2 = hmac(tempKey, in2);
        return new byte[][] {out1, out2};
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        return digest().digest(data);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
