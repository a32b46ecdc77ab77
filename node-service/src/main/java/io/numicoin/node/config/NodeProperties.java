package io.numicoin.node.config;

import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The node's own settings ({@code numi.*}). Consensus constants are not here: they come from
 * {@link NetworkParams} for the chosen network.
 *
 * @param network mainnet, testnet or regtest
 * @param events whether this node is its deployment's event source (publishes the outbox to Kafka)
 */
@Validated
@ConfigurationProperties(prefix = "numi")
public record NodeProperties(
        @NotNull Network network,
        @NotNull Events events,
        @NotNull Integrity integrity) {

    /** {@code numi.events.*}: exactly one node per deployment publishes. */
    public record Events(boolean publish, @Min(1) @Max(10_000) int relayBatchSize) {
    }

    /** {@code numi.integrity.*}: the startup check, like Bitcoin Core's -checkblocks/-checklevel. */
    public record Integrity(@Min(0) int checkBlocks, @Min(0) @Max(2) int checkLevel) {
    }

    public NetworkParams params() {
        return NetworkParams.of(network);
    }
}
