package io.numicoin.protocol.crypto;

import io.numicoin.protocol.bytes.Bytes;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * An ML-DSA-65 private key as its 32-byte FIPS 204 key-generation seed ξ. Key generation from
 * the seed is deterministic (FIPS 204 ML-DSA.KeyGen_internal), so the seed is the whole secret and
 * the only form a wallet needs to keep. {@link #toString()} never shows it.
 */
public record MlDsaPrivateKey(Bytes seed) {

    public static final int SIZE = 32;

    public MlDsaPrivateKey {
        Objects.requireNonNull(seed, "seed");
        if (seed.length() != SIZE) {
            throw new IllegalArgumentException("an ML-DSA-65 seed has " + SIZE + " bytes, got " + seed.length());
        }
    }

    /** A fresh key from {@code random} (a strong {@link SecureRandom} in production). */
    public static MlDsaPrivateKey generate(SecureRandom random) {
        byte[] seed = new byte[SIZE];
        random.nextBytes(seed);
        return new MlDsaPrivateKey(Bytes.of(seed));
    }

    @Override
    public String toString() {
        return "MlDsaPrivateKey[seed=<redacted>]";
    }
}
