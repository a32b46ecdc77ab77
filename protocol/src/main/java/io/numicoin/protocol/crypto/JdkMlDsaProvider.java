package io.numicoin.protocol.crypto;

import io.numicoin.protocol.bytes.Bytes;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;
import java.util.Optional;

/**
 * ML-DSA-65 from the JDK's own provider ({@code SUN}, JDK 24+), through JCA.
 *
 * <p>JDK 25 accepts ML-DSA private keys only as PKCS#8 holding the 4,032-byte expanded key; it
 * rejects the seed-only and seed-plus-key forms. So a private key is rebuilt from its seed by
 * running the JDK's own {@code KeyPairGenerator} on a source that serves exactly that seed (FIPS 204
 * KeyGen is deterministic in the seed). Public keys cross as X.509 with a fixed prefix
 * ({@link MlDsaSpki}). Every call makes its own JCA objects, so the provider is thread-safe;
 * decoding the key per call costs little next to verification.
 */
public final class JdkMlDsaProvider implements MlDsaProvider {

    private static final String ALGORITHM = "ML-DSA-65";

    private final Provider provider;

    private JdkMlDsaProvider(Provider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** The JDK's built-in ML-DSA-65, if this JDK has one. */
    public static Optional<JdkMlDsaProvider> load() {
        Provider sun = Security.getProvider("SUN");
        if (sun == null) {
            return Optional.empty();
        }
        try {
            KeyPairGenerator.getInstance(ALGORITHM, sun);
            KeyFactory.getInstance(ALGORITHM, sun);
            Signature.getInstance(ALGORITHM, sun);
            return Optional.of(new JdkMlDsaProvider(sun));
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    @Override
    public MlDsaPublicKey publicKey(MlDsaPrivateKey privateKey) {
        return MlDsaSpki.decode(keyPair(privateKey.seed()).getPublic().getEncoded());
    }

    @Override
    public MlDsaSignature sign(MlDsaPrivateKey privateKey, byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM, provider);
            signer.initSign(keyPair(privateKey.seed()).getPrivate(), FixedBytesRandom.zeros());
            signer.update(message);
            return new MlDsaSignature(Bytes.of(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK ML-DSA-65 signing failed", e);
        }
    }

    @Override
    public boolean verify(MlDsaPublicKey publicKey, byte[] message, MlDsaSignature signature) {
        Signature verifier;
        KeyFactory keyFactory;
        try {
            verifier = Signature.getInstance(ALGORITHM, provider);
            keyFactory = KeyFactory.getInstance(ALGORITHM, provider);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK ML-DSA-65 vanished from " + provider.getName(), e);
        }
        try {
            PublicKey key = keyFactory.generatePublic(new X509EncodedKeySpec(MlDsaSpki.encode(publicKey)));
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature.bytes().toArray());
        } catch (InvalidKeySpecException | InvalidKeyException | SignatureException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return "jdk";
    }

    private KeyPair keyPair(Bytes seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM, provider);
            generator.initialize(NamedParameterSpec.ML_DSA_65, FixedBytesRandom.seedOnce(seed.toArray()));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK ML-DSA-65 key generation failed", e);
        }
    }

    @Override
    public String toString() {
        return "JdkMlDsaProvider[" + provider.getName() + " " + provider.getVersionStr() + "]";
    }
}
