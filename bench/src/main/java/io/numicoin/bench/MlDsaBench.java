package io.numicoin.bench;

import io.numicoin.node.chain.ChainServiceSettings;
import io.numicoin.protocol.crypto.ConsensusMlDsaVerifier;
import io.numicoin.protocol.crypto.ExpandedKeyCache;
import io.numicoin.protocol.crypto.MlDsaProvider;
import io.numicoin.protocol.crypto.MlDsaProviders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * ML-DSA-65 signature rates: verification on one core and on all cores for the JDK's, Bouncy
 * Castle's and the in-tree implementations and the consensus verifier (strict FIPS 204 decoding, then
 * the in-tree arithmetic; also under the plain names), the JDK/BC and in-tree/BC one-core ratios (11
 * {@link InterleavedRatio} rounds each of the thread's CPU time, each provider already warm; median
 * with min and max), the consensus verifier with its keys kept expanded as a node keeps recent senders'
 * ({@code key_cached_over_uncached}), and signing on one core. Each figure is the median of five windows after a warm-up, so
 * a passing burst of load on a shared machine moves it less. About 50 s.
 */
final class MlDsaBench implements BenchPart {

    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration WINDOW = Duration.ofMillis(800);
    private static final int WINDOWS = 5;

    @Override
    public String name() {
        return "ML-DSA-65 sign/verify";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        MlDsaProvider preferred = MlDsaProviders.preferred();
        List<MlDsaProvider> providers = new ArrayList<>();
        MlDsaProviders.jdk().ifPresent(providers::add);
        providers.add(MlDsaProviders.bouncyCastle());
        providers.add(MlDsaProviders.inTree());
        providers.add(preferred);

        SignatureVerifyRate jdk = null;
        SignatureVerifyRate bc = null;
        SignatureVerifyRate inTree = null;
        for (MlDsaProvider provider : providers) {
            SignatureVerifyRate rate = SignatureVerifyRate.prepare(provider);
            rate.oneCore(WARM_UP);
            rate.allCores(WARM_UP.dividedBy(2));
            double oneCore = median(() -> rate.oneCore(WINDOW));
            double allCores = median(() -> rate.allCores(SignatureLimit.WINDOW));  // the limit's window, as every suite measures it
            out.report("protocol.mldsa65.verify.one_core." + provider.name(), oneCore, "per_s");
            out.report("protocol.mldsa65.verify.all_cores." + provider.name(), allCores, "per_s");
            if (provider.name().equals(preferred.name())) {
                out.report("protocol.mldsa65.verify.one_core", oneCore, "per_s");
                out.report("protocol.mldsa65.verify.all_cores", allCores, "per_s");
            }
            if (provider.name().equals("jdk")) {
                jdk = rate;
            } else if (provider.name().equals("bc")) {
                bc = rate;
            } else if (provider.name().equals("intree")) {
                inTree = rate;
            }
        }
        if (jdk != null && bc != null) {
            SignatureVerifyRate a = jdk;
            SignatureVerifyRate b = bc;
            InterleavedRatio.measure(0, 2 * WINDOWS + 1, round -> a.oneCoreCpu(WINDOW), round -> b.oneCoreCpu(WINDOW))
                    .report(out, "protocol.mldsa65.jdk_over_bc");
        }
        if (inTree != null && bc != null) {
            SignatureVerifyRate a = inTree;
            SignatureVerifyRate b = bc;
            InterleavedRatio.measure(0, 2 * WINDOWS + 1, round -> a.oneCoreCpu(WINDOW), round -> b.oneCoreCpu(WINDOW))
                    .report(out, "protocol.mldsa65.intree_over_bc");
        }

        // The consensus verifier as a node runs it, its 64 keys kept expanded (ExpandedKeyCache): a recent sender's cost
        ConsensusMlDsaVerifier keyCached = MlDsaProviders.consensus(new ExpandedKeyCache(ChainServiceSettings.DEFAULT_EXPANDED_KEYS));
        SignatureVerifyRate cached = SignatureVerifyRate.prepare(keyCached);
        SignatureVerifyRate uncached = SignatureVerifyRate.prepare(preferred);
        cached.oneCore(WARM_UP);
        uncached.oneCore(WARM_UP);
        out.report("protocol.mldsa65.verify.one_core.consensus_key_cached", median(() -> cached.oneCore(WINDOW)), "per_s");
        InterleavedRatio.measure(0, 2 * WINDOWS + 1, round -> cached.oneCoreCpu(WINDOW), round -> uncached.oneCoreCpu(WINDOW))
                .report(out, "protocol.mldsa65.key_cached_over_uncached");

        SignatureVerifyRate signing = SignatureVerifyRate.prepare(preferred);
        signing.signOneCore(WARM_UP.dividedBy(2));
        out.report("protocol.mldsa65.sign.one_core", median(() -> signing.signOneCore(WINDOW)), "per_s");
    }

    private static double median(DoubleSupplier window) {
        double[] rates = new double[WINDOWS];
        for (int i = 0; i < WINDOWS; i++) {
            rates[i] = window.getAsDouble();
        }
        Arrays.sort(rates);
        return rates[WINDOWS / 2];
    }
}
