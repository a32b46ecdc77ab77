package io.numicoin.node.p2p;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code numi.p2p.*}: the node's libp2p host, gossip and sync.
 *
 * @param enabled whether the node joins the network at all
 * @param dataDir where the node key ({@code node.key}) lives; created with mode 0600
 * @param listen multiaddrs to listen on
 * @param bootstrap multiaddrs (with {@code /p2p/<id>}) dialled at start and whenever no peer is connected
 * @param minimumChainWork a chain (header or claimed) with less cumulative work is never followed; 0 = none
 */
@Validated
@ConfigurationProperties(prefix = "numi.p2p")
public record P2pProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("data") Path dataDir,
        @NotNull @DefaultValue("/ip4/0.0.0.0/tcp/8333") List<String> listen,
        @NotNull @DefaultValue List<String> bootstrap,
        @DefaultValue("160") @Min(0) int maxInbound,
        @DefaultValue("32") @Min(0) int maxOutbound,
        @NotNull @DefaultValue("0") BigInteger minimumChainWork,
        @Valid @DefaultValue Sync sync,
        @Valid @DefaultValue MempoolRelay mempoolRelay) {

    /**
     * {@code numi.p2p.sync.*}.
     *
     * @param headersPerRequest headers asked for (and served) per request, at most 2,000
     * @param blocksInFlightPerPeer block requests outstanding per peer
     * @param blockWindow how far past the connected tip bodies are requested
     * @param stallTimeout a block request unanswered this long is cancelled and asked of another peer
     * @param requestTimeout status and headers request timeout
     * @param powThreads threads verifying header proofs of work (0 = one per processor)
     * @param tick how often the sync loop looks for work
     * @param bootstrapRetry how often the bootstrap list is dialled again while no peer is connected
     * @param checkAhead threads checking requested bodies (signatures) while earlier blocks are written; 0 checks each on import
     */
    public record Sync(
            @DefaultValue("2000") @Min(1) @Max(2000) int headersPerRequest,
            @DefaultValue("16") @Min(1) @Max(64) int blocksInFlightPerPeer,
            @DefaultValue("1024") @Min(16) int blockWindow,
            @DefaultValue("10s") Duration stallTimeout,
            @DefaultValue("20s") Duration requestTimeout,
            @DefaultValue("0") @Min(0) int powThreads,
            @DefaultValue("200ms") Duration tick,
            @DefaultValue("5s") Duration bootstrapRetry,
            @DefaultValue("2") @Min(0) @Max(16) int checkAhead) {
    }

    /**
     * {@code numi.p2p.mempool-relay.*}: relay transfers the mempool accepted ({@code numi.mempool.v1}).
     *
     * @param groupId the Kafka consumer group (one per node: every node relays what its mempool accepted)
     */
    public record MempoolRelay(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("numi-node-mempool-relay") String groupId) {
    }
}
