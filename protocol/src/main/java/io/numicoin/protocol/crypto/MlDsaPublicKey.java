package io.numicoin.protocol.crypto;

import io.numicoin.protocol.bytes.Bytes;
import java.util.Objects;

/** A raw ML-DSA-65 public key (FIPS 204 pkEncode, 1,952 bytes). */
public record MlDsaPublicKey(Bytes bytes) {

    public static final int SIZE = 1952;

    public MlDsaPublicKey {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length() != SIZE) {
            throw new IllegalArgumentException("an ML-DSA-65 public key has " + SIZE + " bytes, got " + bytes.length());
        }
    }
}
