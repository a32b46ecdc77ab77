package io.numicoin.protocol.crypto;

import java.util.List;

/** Both ML-DSA-65 implementations, for tests that must hold for each. */
final class Providers {

    static final MlDsaProvider JDK = MlDsaProviders.jdk().orElseThrow(() -> new AssertionError("JDK 25 has ML-DSA-65"));
    static final MlDsaProvider BC = MlDsaProviders.bouncyCastle();

    private Providers() {
    }

    static List<MlDsaProvider> both() {
        return List.of(JDK, BC);
    }
}
