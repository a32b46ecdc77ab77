package io.numicoin.protocol.crypto;

import io.numicoin.protocol.bytes.Bytes;
import java.util.Arrays;

/**
 * The X.509 SubjectPublicKeyInfo form of an ML-DSA-65 public key, as JCA encodes it: a fixed
 * 22-byte DER prefix (SEQUENCE, AlgorithmIdentifier id-ml-dsa-65 2.16.840.1.101.3.4.3.18 with no
 * parameters, BIT STRING header) followed by the 1,952 raw key bytes.
 */
final class MlDsaSpki {

    static final Bytes PREFIX = Bytes.fromHex("308207b2300b0609608648016503040312038207a100");

    private MlDsaSpki() {
    }

    static byte[] encode(MlDsaPublicKey key) {
        byte[] out = new byte[PREFIX.length() + MlDsaPublicKey.SIZE];
        PREFIX.copyTo(out, 0);
        key.bytes().copyTo(out, PREFIX.length());
        return out;
    }

    /** @throws IllegalArgumentException if {@code spki} is not an ML-DSA-65 key in this form */
    static MlDsaPublicKey decode(byte[] spki) {
        if (spki.length != PREFIX.length() + MlDsaPublicKey.SIZE
                || !Arrays.equals(spki, 0, PREFIX.length(), PREFIX.toArray(), 0, PREFIX.length())) {
            throw new IllegalArgumentException("not an ML-DSA-65 SubjectPublicKeyInfo");
        }
        return new MlDsaPublicKey(Bytes.of(spki, PREFIX.length(), MlDsaPublicKey.SIZE));
    }
}
