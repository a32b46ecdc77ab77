package io.numicoin.node.config;

import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The node's own settings ({@code numi.*}). Consensus constants are not here: they come from
 * {@link NetworkParams} for the chosen network.
 *
 * @param network mainnet, testnet or regtest
 * @param events whether this node is its deployment's event source (publishes the outbox to Kafka)
 * @param command {@code serve} (default), or a command that runs and exits: {@code reindex} (rebuild the state
 *     from the stored blocks), {@code snapshot-export}, {@code snapshot-import}, {@code backup}, {@code restore}
 */
@Validated
@ConfigurationProperties(prefix = "numi")
public record NodeProperties(
        @NotNull Network network,
        @Valid @DefaultValue Events events,
        @Valid @DefaultValue Integrity integrity,
        @Valid @DefaultValue Chain chain,
        @DefaultValue("serve") Command command,
        @Valid @DefaultValue Snapshot snapshot,
        @Valid @DefaultValue Backup backup) {

    /** What the process does. */
    public enum Command {
        SERVE,
        REINDEX,
        SNAPSHOT_EXPORT,
        SNAPSHOT_IMPORT,
        BACKUP,
        RESTORE
    }

    /**
     * {@code numi.snapshot.*}: state snapshots (fast sync).
     *
     * @param directory where {@code snapshot-export} (command and admin operation) writes when no file is named
     * @param file the file {@code snapshot-import} reads, or {@code snapshot-export} writes (command mode)
     * @param chunkElements state elements per hashed chunk
     */
    public record Snapshot(
            @DefaultValue("snapshots") String directory,
            @DefaultValue("") String file,
            @DefaultValue("10000") @Min(1) @Max(100_000) int chunkElements) {
    }

    /** {@code numi.backup.*}: @param file the file {@code backup} writes and {@code restore} reads */
    public record Backup(@DefaultValue("") String file) {
    }

    /**
     * {@code numi.events.*}: exactly one node per deployment publishes.
     *
     * @param relayPoll how often the relay looks at the outbox when nothing woke it
     * @param relayBackoffInitial first wait after Kafka failed; doubles up to {@code relayBackoffMax}
     * @param relaySendTimeout how long one round waits for Kafka's acknowledgements
     */
    public record Events(
            @DefaultValue("false") boolean publish,
            @DefaultValue("500") @Min(1) @Max(10_000) int relayBatchSize,
            @DefaultValue("1s") Duration relayPoll,
            @DefaultValue("200ms") Duration relayBackoffInitial,
            @DefaultValue("30s") Duration relayBackoffMax,
            @DefaultValue("150s") Duration relaySendTimeout) {
    }

    /**
     * {@code numi.integrity.*}: the startup check, like Bitcoin Core's -checkblocks/-checklevel.
     *
     * @param sampledBuckets random account buckets (of 256) recomputed below level 2
     */
    public record Integrity(
            @DefaultValue("288") @Min(0) int checkBlocks,
            @DefaultValue("1") @Min(0) @Max(2) int checkLevel,
            @DefaultValue("8") @Min(0) @Max(256) int sampledBuckets) {
    }

    /**
     * {@code numi.chain.*}: the import path.
     *
     * @param importLockTimeout how long a caller waits for the import lock before getting "busy"
     * @param accountCacheSize accounts kept in memory for validation
     * @param verifierThreads threads verifying signatures (0 = one per available processor)
     * @param verifiedTransfers transfers that passed alone (API, gossip) remembered so that the block
     *        carrying them does not verify them again (~140 bytes each; 0 = none)
     * @param expandedKeys ML-DSA public keys kept expanded for the signature checks, so that a recent
     *        sender's next signature costs about a third (~37 KB each; 0 = none)
     */
    public record Chain(
            @DefaultValue("30s") Duration importLockTimeout,
            @DefaultValue("100000") @Min(0) int accountCacheSize,
            @DefaultValue("0") @Min(0) int verifierThreads,
            @DefaultValue("100000") @Min(0) @Max(10_000_000) int verifiedTransfers,
            @DefaultValue("1024") @Min(0) @Max(100_000) int expandedKeys,
            @DefaultValue("data/blocks") Path blockFiles) {
    }

    public NetworkParams params() {
        return NetworkParams.of(network);
    }
}
