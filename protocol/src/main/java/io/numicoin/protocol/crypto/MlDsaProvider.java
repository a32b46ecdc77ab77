package io.numicoin.protocol.crypto;

/**
 * ML-DSA-65 (FIPS 204, pure mode, empty context string) over raw key and signature bytes.
 * Implementations are stateless and thread-safe. Signing is the FIPS 204 deterministic variant
 * (rnd = 32 zero bytes): the same key and message always give the same signature, in every
 * implementation, so signed test vectors are reproducible.
 */
public interface MlDsaProvider {

    /** The public key of {@code privateKey} (FIPS 204 KeyGen from the seed). */
    MlDsaPublicKey publicKey(MlDsaPrivateKey privateKey);

    /** Signs {@code message} (FIPS 204 ML-DSA.Sign, deterministic, empty context). */
    MlDsaSignature sign(MlDsaPrivateKey privateKey, byte[] message);

    /**
     * Whether {@code signature} is valid for {@code message} under {@code publicKey}. Returns
     * false, never throws, for any malformed key or signature bytes.
     */
    boolean verify(MlDsaPublicKey publicKey, byte[] message, MlDsaSignature signature);

    /** Short name for logs and benchmark figures ("jdk", "bc"). */
    String name();

    default MlDsaKeyPair keyPair(MlDsaPrivateKey privateKey) {
        return new MlDsaKeyPair(privateKey, publicKey(privateKey));
    }
}
