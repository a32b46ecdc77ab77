package io.numicoin.protocol.crypto;

import io.numicoin.protocol.crypto.mldsa.ExpandedPublicKey;
import io.numicoin.protocol.crypto.mldsa.MlDsa65Verify;
import java.util.Objects;

/**
 * ML-DSA-65 verified by this repository's own implementation ({@link MlDsa65Verify}, FIPS 204 on
 * the standard's encodings), signing and key derivation by another provider (Bouncy Castle's: a
 * signature is deterministic, so it is byte-identical wherever it is made). With an
 * {@link ExpandedKeyCache} a key that verified recently is not expanded again (the same verdicts). Thread-safe.
 */
public final class InTreeMlDsaProvider implements MlDsaProvider {

    private final MlDsaProvider signing;
    private final ExpandedKeyCache keys;

    /** @param keys the caller's cache of expanded keys, or null to expand every key on every call */
    InTreeMlDsaProvider(MlDsaProvider signing, ExpandedKeyCache keys) {
        this.signing = Objects.requireNonNull(signing, "signing");
        this.keys = keys;
    }

    @Override
    public boolean verify(MlDsaPublicKey publicKey, byte[] message, MlDsaSignature signature) {
        byte[] raw = signature.bytes().toArray();
        if (keys == null) {
            return MlDsa65Verify.verify(publicKey.bytes().toArray(), message, raw);
        }
        ExpandedPublicKey cached = keys.lookup(publicKey);
        ExpandedPublicKey expanded = cached != null ? cached : ExpandedPublicKey.of(publicKey.bytes().toArray());
        boolean valid = MlDsa65Verify.verify(expanded, message, raw);
        if (valid && cached == null) {
            keys.keep(publicKey, expanded);  // only keys that signed something valid take a place
        }
        return valid;
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
        return "InTreeMlDsaProvider[signing: " + signing.name() + (keys == null ? "" : ", " + keys.capacity() + " expanded keys kept") + "]";
    }
}
