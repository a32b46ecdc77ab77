package io.numicoin.protocol.crypto;

import io.numicoin.protocol.crypto.mldsa.MlDsa65Verify;
import java.util.Objects;

/**
 * ML-DSA-65 verified by this repository's own implementation ({@link MlDsa65Verify}, FIPS 204 on
 * the standard's encodings), signing and key derivation by another provider (Bouncy Castle's: a
 * signature is deterministic, so it is byte-identical wherever it is made). Stateless and thread-safe.
 */
public final class InTreeMlDsaProvider implements MlDsaProvider {

    private final MlDsaProvider signing;

    InTreeMlDsaProvider(MlDsaProvider signing) {
        this.signing = Objects.requireNonNull(signing, "signing");
    }

    @Override
    public boolean verify(MlDsaPublicKey publicKey, byte[] message, MlDsaSignature signature) {
        return MlDsa65Verify.verify(publicKey.bytes().toArray(), message, signature.bytes().toArray());
    }

    @Override
    public MlDsaPublicKey publicKey(MlDsaPrivateKey privateKey) {
        return signing.publicKey(privateKey);
    }

    @Override
    public MlDsaSignature sign(MlDsaPrivateKey privateKey, byte[] message) {
        return signing.sign(privateKey, message);
    }

    @Override
    public String name() {
        return "intree";
    }

    @Override
    public String toString() {
        return "InTreeMlDsaProvider[signing: " + signing.name() + "]";
    }
}
