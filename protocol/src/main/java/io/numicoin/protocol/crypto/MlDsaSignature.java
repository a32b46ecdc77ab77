package io.numicoin.protocol.crypto;

import io.numicoin.protocol.bytes.Bytes;
import java.util.Objects;

/** A raw ML-DSA-65 signature (FIPS 204 sigEncode, 3,309 bytes). */
public record MlDsaSignature(Bytes bytes) {

    public static final int SIZE = 3309;

    public MlDsaSignature {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length() != SIZE) {
            throw new IllegalArgumentException("an ML-DSA-65 signature has " + SIZE + " bytes, got " + bytes.length());
        }
    }
}
