package io.numicoin.mempool.config;

import io.numicoin.mempool.pool.PoolLimits;
import io.numicoin.protocol.params.Network;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The mempool's settings ({@code numi.*}).
 *
 * @param network mainnet, testnet or regtest (the chain id every event and transaction must carry)
 * @param node where the event-source node's API answers (account state after the tip)
 * @param pool the pool's policy
 * @param events Kafka consumer group and publishing
 */
@Validated
@ConfigurationProperties(prefix = "numi")
public record MempoolProperties(
        @NotNull Network network,
        @Valid @DefaultValue Node node,
        @Valid @DefaultValue Pool pool,
        @Valid @DefaultValue Events events) {

    /**
     * {@code numi.node.*}.
     *
     * @param baseUrl e.g. {@code http://127.0.0.1:8082}
     * @param timeout per request (connect and answer)
     * @param cacheSize accounts cached for the current tip (the cache is dropped on every chain event)
     * @param attempts tries of an account read that failed transiently (no connection, timeout, 5xx); the
     *        default 3 with the 2 s timeout and 200 ms backoff stays within the gateway's 10 s for a submission
     * @param retryBackoff the pause before the second try, doubling after
     */
    public record Node(
            @DefaultValue("http://127.0.0.1:8082") @NotBlank String baseUrl,
            @DefaultValue("2s") Duration timeout,
            @DefaultValue("100000") @Min(1) int cacheSize,
            @DefaultValue("3") @Min(1) int attempts,
            @DefaultValue("200ms") @NotNull Duration retryBackoff) {
    }

    /**
     * {@code numi.pool.*}: see {@link PoolLimits}; {@code expandedKeys}: ML-DSA public keys the
     * admission check keeps expanded (about 37 KB of heap each; a sender seen again costs a third of
     * a first check), 0 keeps none.
     */
    public record Pool(
            @DefaultValue("300000000") @Min(100_000) long maxBytes,
            @DefaultValue("16") @Min(0) @Max(1000) int maxFutureNonces,
            @DefaultValue("64") @Min(1) int maxPerSenderCount,
            @DefaultValue("1048576") @Min(65_536) long maxPerSenderBytes,
            @DefaultValue("1000") @Min(0) long minFeeRate,
            @DefaultValue("10") @Min(1) @Max(1000) int replacementBumpPercent,
            @DefaultValue("14d") Duration maxAge,
            @DefaultValue("12h") Duration minFeeHalfLife,
            @DefaultValue("1m") Duration expirySweep,
            @DefaultValue("1024") @Min(0) @Max(100_000) int expandedKeys) {

        public PoolLimits limits() {
            return new PoolLimits(maxBytes, maxFutureNonces, maxPerSenderCount, maxPerSenderBytes, minFeeRate,
                    replacementBumpPercent, maxAge, minFeeHalfLife);
        }
    }

    /**
     * {@code numi.events.*}.
     *
     * @param groupId the consumer group of this mempool deployment
     * @param publish whether to publish {@code numi.mempool.v1}
     * @param sendTimeout how long a publish waits for Kafka's acknowledgement
     */
    public record Events(
            @DefaultValue("numi-mempool") @NotBlank String groupId,
            @DefaultValue("true") boolean publish,
            @DefaultValue("10s") Duration sendTimeout) {
    }
}
