package io.numicoin.p2p.security.noise;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/** X25519 with raw 32-byte public keys on top of the JDK provider. */
final class X25519 {

    static final int KEY_BYTES = 32;
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00};

    private X25519() {
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("X25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no X25519 in this JDK", e);
        }
    }

    static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_BYTES, encoded.length);
    }

    /** DH(local private, remote raw public). @throws NoiseException for a low-order remote key */
    static byte[] agree(KeyPair local, byte[] remoteRaw) throws NoiseException {
        try {
            byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_BYTES);
            System.arraycopy(remoteRaw, 0, encoded, X509_PREFIX.length, KEY_BYTES);
            PublicKey remote = KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(encoded));
            KeyAgreement agreement = KeyAgreement.getInstance("X25519");
            agreement.init(local.getPrivate());
            agreement.doPhase(remote, true);
            byte[] secret = agreement.generateSecret();
            int acc = 0;
            for (byte b : secret) {
                acc |= b;
            }
            if (acc == 0) {
                throw new NoiseException("X25519 produced the all-zero secret");
            }
            return secret;
        } catch (GeneralSecurityException e) {
            throw new NoiseException("X25519 agreement failed: " + e.getMessage(), e);
        }
    }
}
