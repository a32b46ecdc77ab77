package io.numicoin.support.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.protocol.crypto.ExpandedKeyCache;
import java.util.Objects;

/**
 * The two counters over an {@link ExpandedKeyCache}, the same in every service that verifies
 * ML-DSA signatures: {@code <meter>{expanded="cached"}} counts checks that found their public key
 * expanded already, {@code <meter>{expanded="now"}} those that expanded it (all of them when the
 * cache holds no keys).
 */
public final class ExpandedKeyMeters {

    private ExpandedKeyMeters() {
    }

    /**
     * Registers both counters.
     *
     * @param meter the counters' name ({@code numi.chain.signature_keys})
     * @param checks what the checks are, for the description ({@code "ML-DSA signature checks"})
     * @param setting the property that sizes the cache ({@code numi.chain.expanded-keys}), for the description
     */
    public static void register(MeterRegistry registry, String meter, String checks, String setting, ExpandedKeyCache keys) {
        Objects.requireNonNull(keys, "keys");
        FunctionCounter.builder(meter, keys, ExpandedKeyCache::hits)
                .tag("expanded", "cached")
                .description(checks + " whose public key was kept expanded (" + setting + ")")
                .register(registry);
        FunctionCounter.builder(meter, keys, ExpandedKeyCache::misses)
                .tag("expanded", "now")
                .description(checks + " that expanded their public key (" + setting + ")")
                .register(registry);
    }
}
