package io.numicoin.p2p.security.noise;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Noise CipherState for ChaChaPoly: a 32-byte key and a 64-bit nonce, little-endian in the last
 * 8 bytes of the 12-byte ChaCha20-Poly1305 nonce (Noise spec §5.1, §12.3). Not thread-safe.
 */
public final class CipherState {

    public static final int TAG_BYTES = 16;

    private final SecretKeySpec key;
    private final Cipher cipher;
    private long nonce;

    CipherState(byte[] key) {
        this.key = new SecretKeySpec(key, "ChaCha20");
        try {
            this.cipher = Cipher.getInstance("ChaCha20-Poly1305");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no ChaCha20-Poly1305 in this JDK", e);
        }
    }

    public byte[] encrypt(byte[] ad, byte[] plaintext) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, nextNonce());
            cipher.updateAAD(ad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] ad, byte[] ciphertext) throws NoiseException {
        if (ciphertext.length < TAG_BYTES) {
            throw new NoiseException("ciphertext shorter than its tag");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, nextNonce());
            cipher.updateAAD(ad);
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new NoiseException("authentication tag mismatch");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 decryption failed", e);
        }
    }

    private IvParameterSpec nextNonce() {
        if (nonce == -1L) {
            throw new IllegalStateException("nonce space exhausted");
        }
        long n = nonce++;
        byte[] iv = new byte[12];
        for (int i = 0; i < 8; i++) {
            iv[4 + i] = (byte) (n >>> (8 * i));
        }
        return new IvParameterSpec(iv);
    }
}
