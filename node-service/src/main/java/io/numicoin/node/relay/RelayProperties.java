package io.numicoin.node.relay;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code numi.relay.*}: which transfers the node relays ({@link RelayPolicy}; defaults equal the
 * mempool's {@code numi.mempool.min-fee-rate} and {@code max-future-nonces}).
 *
 * @param minFeeRate base units per 1,000 encoded bytes
 * @param maxFutureNonces nonces past the account's next one that are still relayed
 * @param recentCapacity txids remembered as already heard (API and gossip dedupe)
 */
@Validated
@ConfigurationProperties(prefix = "numi.relay")
public record RelayProperties(
        @Min(0) @DefaultValue("1000") long minFeeRate,
        @Min(0) @DefaultValue("16") int maxFutureNonces,
        @Min(1) @DefaultValue("100000") int recentCapacity) {

    public RelayPolicy policy() {
        return new RelayPolicy(minFeeRate, maxFutureNonces, recentCapacity);
    }
}
