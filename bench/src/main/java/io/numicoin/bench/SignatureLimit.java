package io.numicoin.bench;

import io.numicoin.protocol.crypto.MlDsaProviders;
import java.time.Duration;

/**
 * The limit every transaction-rate figure is compared with: ML-DSA-65 verifications per second of
 * wall time on one thread per available processor, with the verifier consensus uses
 * ({@link MlDsaProviders#preferred()}), over {@link SignatureVerifyRate}'s fixed set of keys and
 * messages, in windows of {@link #WINDOW}. Measured this one way in every suite, interleaved with
 * what it is compared to ({@link InterleavedRatio}).
 */
final class SignatureLimit {

    static final Duration WINDOW = Duration.ofSeconds(1);

    private final SignatureVerifyRate rate;

    private SignatureLimit(SignatureVerifyRate rate) {
        this.rate = rate;
    }

    /** Signs the fixed work set and warms the verifier up (one window). */
    static SignatureLimit prepare() {
        SignatureLimit limit = new SignatureLimit(SignatureVerifyRate.prepare(MlDsaProviders.preferred()));
        limit.window();
        return limit;
    }

    /** One window: verifications per second, and CPU nanoseconds per verification. */
    SignatureVerifyRate.AllCores window() {
        return rate.allCoresMeasured(WINDOW);
    }

    /** One window's verifications per second (an {@link InterleavedRatio.Rate}). */
    double perSecond(int round) {
        return window().perSecond();
    }
}
