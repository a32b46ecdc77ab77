package io.numicoin.bench;

import io.numicoin.protocol.crypto.MlDsaProvider;
import io.numicoin.protocol.crypto.MlDsaProviders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * ML-DSA-65 signature rates: verification on one core and on all cores for the JDK's and Bouncy
 * Castle's implementations (and the preferred one under the plain names), the JDK/BC ratio, and
 * signing on one core. About 30 s.
 */
final class MlDsaBench implements BenchPart {

    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration MEASURE = Duration.ofSeconds(4);

    @Override
    public String name() {
        return "ML-DSA-65 sign/verify";
    }

    @Override
    public void run(FigureSink out) {
        MlDsaProvider preferred = MlDsaProviders.preferred();
        List<MlDsaProvider> providers = new ArrayList<>();
        MlDsaProviders.jdk().ifPresent(providers::add);
        providers.add(MlDsaProviders.bouncyCastle());

        double jdkOneCore = Double.NaN;
        double bcOneCore = Double.NaN;
        for (MlDsaProvider provider : providers) {
            SignatureVerifyRate rate = SignatureVerifyRate.prepare(provider);
            rate.oneCore(WARM_UP);
            double oneCore = rate.oneCore(MEASURE);
            double allCores = rate.allCores(MEASURE);
            out.report("protocol.mldsa65.verify.one_core." + provider.name(), oneCore, "per_s");
            out.report("protocol.mldsa65.verify.all_cores." + provider.name(), allCores, "per_s");
            if (provider.name().equals(preferred.name())) {
                out.report("protocol.mldsa65.verify.one_core", oneCore, "per_s");
                out.report("protocol.mldsa65.verify.all_cores", allCores, "per_s");
            }
            if (provider.name().equals("jdk")) {
                jdkOneCore = oneCore;
            } else {
                bcOneCore = oneCore;
            }
        }
        if (!Double.isNaN(jdkOneCore)) {
            out.report("protocol.mldsa65.jdk_over_bc", jdkOneCore / bcOneCore, "ratio");
        }

        SignatureVerifyRate signing = SignatureVerifyRate.prepare(preferred);
        signing.signOneCore(Duration.ofSeconds(1));
        out.report("protocol.mldsa65.sign.one_core", signing.signOneCore(Duration.ofSeconds(3)), "per_s");
    }
}
