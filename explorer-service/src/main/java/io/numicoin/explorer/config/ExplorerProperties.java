package io.numicoin.explorer.config;

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
 * The explorer's settings ({@code numi.*}).
 *
 * @param network mainnet, testnet or regtest (the chain id every event must carry)
 * @param node the node whose API backfills and resyncs the read model
 * @param index how the read model follows the chain
 * @param events the Kafka consumer group
 * @param stats the mempool figures and fee estimates
 */
@Validated
@ConfigurationProperties(prefix = "numi")
public record ExplorerProperties(
        @NotNull Network network,
        @Valid @DefaultValue Node node,
        @Valid @DefaultValue Index index,
        @Valid @DefaultValue Events events,
        @Valid @DefaultValue Stats stats) {

    /**
     * {@code numi.node.*}.
     *
     * @param baseUrl e.g. {@code http://127.0.0.1:8082}
     * @param timeout per request
     */
    public record Node(
            @DefaultValue("http://127.0.0.1:8082") @NotBlank String baseUrl,
            @DefaultValue("10s") Duration timeout) {
    }

    /**
     * {@code numi.index.*}.
     *
     * @param maxReadyLag blocks behind the node at which readiness is still UP
     * @param lagPoll how often the node's tip is polled for the lag
     * @param maxBackoff the longest wait between backfill attempts while the node is unreachable
     * @param eventLogRetention how many chain events below the newest the event log keeps (exact replays older
     *     than that are recognised by their effect, or resync)
     */
    public record Index(
            @DefaultValue("10") @Min(0) long maxReadyLag,
            @DefaultValue("10s") Duration lagPoll,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("200000") @Min(1) long eventLogRetention) {
    }

    /** {@code numi.events.*}: the consumer group of this explorer deployment. */
    public record Events(@DefaultValue("numi-explorer") @NotBlank String groupId) {
    }

    /**
     * {@code numi.stats.*}.
     *
     * @param minFeeRate the mempool's fee-rate floor (its {@code numi.pool.min-fee-rate}), base units per 1,000 bytes
     * @param projectedBlocks how many next blocks the mempool projection fills (fee estimates reach one fewer)
     * @param projectionLimit how many of the best-paying pending transfers the projection considers
     * @param mempoolCacheTtl how long the mempool's figures are reused before they are computed again
     */
    public record Stats(
            @DefaultValue("1000") @Min(0) long minFeeRate,
            @DefaultValue("13") @Min(2) @Max(50) int projectedBlocks,
            @DefaultValue("100000") @Min(1) @Max(1_000_000) int projectionLimit,
            @DefaultValue("1s") Duration mempoolCacheTtl) {
    }
}
