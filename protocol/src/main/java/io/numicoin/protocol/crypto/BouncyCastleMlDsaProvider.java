package io.numicoin.protocol.crypto;

import io.numicoin.protocol.bytes.Bytes;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.MLDSASigner;

/**
 * ML-DSA-65 from Bouncy Castle's lightweight API: the fallback where the JDK has no ML-DSA, and
 * the independent implementation the JDK's is cross-checked against. Stateless and thread-safe.
 */
public final class BouncyCastleMlDsaProvider implements MlDsaProvider {

    private static final MLDSAParameters PARAMETERS = MLDSAParameters.ml_dsa_65;

    @Override
    public MlDsaPublicKey publicKey(MlDsaPrivateKey privateKey) {
        return new MlDsaPublicKey(Bytes.of(privateParameters(privateKey).getPublicKeyParameters().getEncoded()));
    }

    @Override
    public MlDsaSignature sign(MlDsaPrivateKey privateKey, byte[] message) {
        MLDSASigner signer = new MLDSASigner();
        signer.init(true, new ParametersWithRandom(privateParameters(privateKey), FixedBytesRandom.zeros()));
        signer.update(message, 0, message.length);
        try {
            return new MlDsaSignature(Bytes.of(signer.generateSignature()));
        } catch (CryptoException e) {
            throw new IllegalStateException("Bouncy Castle ML-DSA-65 signing failed", e);
        }
    }

    @Override
    public boolean verify(MlDsaPublicKey publicKey, byte[] message, MlDsaSignature signature) {
        try {
            MLDSASigner verifier = new MLDSASigner();
            verifier.init(false, new MLDSAPublicKeyParameters(PARAMETERS, publicKey.bytes().toArray()));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature.bytes().toArray());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return "bc";
    }

    private static MLDSAPrivateKeyParameters privateParameters(MlDsaPrivateKey privateKey) {
        return new MLDSAPrivateKeyParameters(PARAMETERS, privateKey.seed().toArray());
    }

    @Override
    public String toString() {
        return "BouncyCastleMlDsaProvider";
    }
}
