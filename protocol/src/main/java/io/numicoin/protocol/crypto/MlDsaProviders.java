package io.numicoin.protocol.crypto;

import java.util.Optional;

/** Chooses the ML-DSA-65 implementation: the JDK's where it has one, else Bouncy Castle. */
public final class MlDsaProviders {

    private MlDsaProviders() {
    }

    /** The JDK's provider when the running JDK has ML-DSA-65, else Bouncy Castle's. Cached, immutable. */
    public static MlDsaProvider preferred() {
        return Preferred.INSTANCE;
    }

    public static Optional<MlDsaProvider> jdk() {
        return JdkMlDsaProvider.load().map(MlDsaProvider.class::cast);
    }

    public static MlDsaProvider bouncyCastle() {
        return Bouncy.INSTANCE;
    }

    private static final class Preferred {
        static final MlDsaProvider INSTANCE = jdk().orElse(Bouncy.INSTANCE);
    }

    private static final class Bouncy {
        static final MlDsaProvider INSTANCE = new BouncyCastleMlDsaProvider();
    }
}
