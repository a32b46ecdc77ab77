package io.numicoin.protocol.crypto;

import java.util.Objects;

/** A private key and the public key derived from it. {@link #toString()} does not show the seed. */
public record MlDsaKeyPair(MlDsaPrivateKey privateKey, MlDsaPublicKey publicKey) {

    public MlDsaKeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
