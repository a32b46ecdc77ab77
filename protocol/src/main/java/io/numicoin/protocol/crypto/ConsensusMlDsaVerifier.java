package io.numicoin.protocol.crypto;

import io.numicoin.protocol.bytes.Bytes;
import java.util.Objects;

/**
 * The one ML-DSA-65 verifier that decides validity on every node: FIPS 204's structural checks on
 * the signature bytes ({@link MlDsaSignatureEncoding}), then the in-tree arithmetic
 * ({@link io.numicoin.protocol.crypto.mldsa.MlDsa65Verify}), which is part of this repository, so
 * every node of one release runs the same code whatever JDK or library versions it runs with.
 * Bouncy Castle's and the JDK's verifiers cross-check it ({@code ConsensusMlDsaDifferentialTest},
 * {@code MlDsa65VerifyTest}, {@code MlDsa65WycheproofTest}, {@code MlDsa65VerifyFuzzTest}); signing
 * and key derivation are Bouncy Castle's (signatures are deterministic and byte-identical in every
 * implementation). Stateless and thread-safe.
 */
public final class ConsensusMlDsaVerifier implements MlDsaProvider {

    private final MlDsaProvider arithmetic;

    ConsensusMlDsaVerifier(MlDsaProvider arithmetic) {
        this.arithmetic = Objects.requireNonNull(arithmetic, "arithmetic");
    }

    /** The typed outcome for raw signature bytes of any length. */
    public MlDsaVerdict verdict(MlDsaPublicKey publicKey, byte[] message, Bytes signature) {
        MlDsaVerdict encoding = MlDsaSignatureEncoding.check(signature);
        if (!encoding.isValid()) {
            return encoding;
        }
        return arithmetic.verify(publicKey, message, new MlDsaSignature(signature))
                ? MlDsaVerdict.VALID
                : MlDsaVerdict.BAD_SIGNATURE;
    }

    public MlDsaVerdict verdict(MlDsaPublicKey publicKey, byte[] message, MlDsaSignature signature) {
        return verdict(publicKey, message, signature.bytes());
    }

    @Override
    public boolean verify(MlDsaPublicKey publicKey, byte[] message, MlDsaSignature signature) {
        return verdict(publicKey, message, signature).isValid();
    }

    @Override
    public MlDsaPublicKey publicKey(MlDsaPrivateKey privateKey) {
        return arithmetic.publicKey(privateKey);
    }

    @Override
    public MlDsaSignature sign(MlDsaPrivateKey privateKey, byte[] message) {
        return arithmetic.sign(privateKey, message);
    }

    @Override
    public String name() {
        return "consensus";
    }

    @Override
    public String toString() {
        return "ConsensusMlDsaVerifier[strict FIPS 204 decode + " + arithmetic + "]";
    }
}
