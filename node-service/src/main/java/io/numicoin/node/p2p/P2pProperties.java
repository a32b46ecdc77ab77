package io.numicoin.node.p2p;

import io.numicoin.node.p2p.sync.SyncSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigInteger;
import java.nio.file.Path;
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
 * @param bootstrap multiaddrs (with {@code /p2p/<id>}) dialled at start and whenever no peer is connected;
 *        each one not connected is dialled again once a minute while other peers are
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
        @Valid @DefaultValue SyncSettings sync,
        @Valid @DefaultValue MempoolRelay mempoolRelay) {

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
