package io.numicoin.protocol.crypto;

import java.util.Objects;
import java.util.Optional;

/**
 * The ML-DSA-65 implementations. Every validity decision goes through {@link #consensus()}: one
 * verifier for every node, so a difference between implementations cannot split the network
 * (docs/decisions.md, "One ML-DSA verifier decides validity").
 */
public final class MlDsaProviders {

    private MlDsaProviders() {
    }

    /** The consensus verifier: FIPS 204's strict signature decoding, then the in-tree arithmetic. Cached, immutable. */
    public static ConsensusMlDsaVerifier consensus() {
        return Consensus.INSTANCE;
    }

    /**
     * A consensus verifier of its own that keeps the last keys it expanded in {@code keys} (same
     * verdicts as {@link #consensus()}, less work for a key seen again). A new instance per call: the
     * caller owns it and its cache.
     */
    public static ConsensusMlDsaVerifier consensus(ExpandedKeyCache keys) {
        return new ConsensusMlDsaVerifier(new InTreeMlDsaProvider(Bouncy.INSTANCE, Objects.requireNonNull(keys, "keys")));
    }

    /** What every node uses to sign and verify: {@link #consensus()}. */
    public static MlDsaProvider preferred() {
        return Consensus.INSTANCE;
    }

    /** The JDK's own ML-DSA-65 where the running JDK has one: for cross-checks and benchmarks only. */
    public static Optional<MlDsaProvider> jdk() {
        return JdkMlDsaProvider.load().map(MlDsaProvider.class::cast);
    }

    /** Bouncy Castle's ML-DSA-65: every node's signer and key derivation; its verifier cross-checks the in-tree one. */
    public static MlDsaProvider bouncyCastle() {
        return Bouncy.INSTANCE;
    }

    /**
     * Verification by this repository's FIPS 204 implementation ({@code crypto.mldsa}), signing by
     * Bouncy Castle: the arithmetic behind {@link #consensus()}.
     */
    public static MlDsaProvider inTree() {
        return InTree.INSTANCE;
    }

    private static final class Consensus {
        static final ConsensusMlDsaVerifier INSTANCE = new ConsensusMlDsaVerifier(InTree.INSTANCE);
    }

    private static final class InTree {
        static final MlDsaProvider INSTANCE = new InTreeMlDsaProvider(Bouncy.INSTANCE, null);
    }

    private static final class Bouncy {
        static final MlDsaProvider INSTANCE = new BouncyCastleMlDsaProvider();
    }
}
