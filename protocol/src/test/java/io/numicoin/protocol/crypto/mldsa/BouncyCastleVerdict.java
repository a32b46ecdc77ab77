package io.numicoin.protocol.crypto.mldsa;

import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithContext;
import org.bouncycastle.crypto.signers.MLDSASigner;

/** Bouncy Castle's ML-DSA-65 verdict on raw bytes, the oracle the in-tree verifier's tests compare with. */
final class BouncyCastleVerdict {

    private BouncyCastleVerdict() {
    }

    static boolean of(byte[] publicKey, byte[] message, byte[] signature) {
        return of(publicKey, new byte[0], message, signature);
    }

    /** False, never an exception, for any malformed input (as the in-tree verifier answers). */
    static boolean of(byte[] publicKey, byte[] context, byte[] message, byte[] signature) {
        try {
            MLDSASigner verifier = new MLDSASigner();
            CipherParameters key = new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_65, publicKey);
            verifier.init(false, context.length == 0 ? key : new ParametersWithContext(key, context));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
