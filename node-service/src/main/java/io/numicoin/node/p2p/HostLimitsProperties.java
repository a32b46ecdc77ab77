package io.numicoin.node.p2p;

import io.numicoin.network.host.HostLimits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code numi.p2p.host.*}: the libp2p host's limits against peers that do not handshake or do not read.
 *
 * @param maxPendingInbound inbound sockets in their handshake at once; more are closed on accept
 * @param maxQueuedPerConnection outbound bytes one connection may hold (yamux queues plus the socket
 *        buffer); at least 2 MB. Honest sync needs at most 16 block responses of 2 MiB at once
 * @param writeStallTimeout a stream the peer leaves without window this long is reset; a socket it
 *        does not read this long is closed
 */
@Validated
@ConfigurationProperties(prefix = "numi.p2p.host")
public record HostLimitsProperties(
        @DefaultValue("64") @Min(1) int maxPendingInbound,
        @NotNull @DefaultValue("32MB") DataSize maxQueuedPerConnection,
        @NotNull @DefaultValue("30s") Duration writeStallTimeout) {

    public HostLimits toLimits() {
        return new HostLimits(maxPendingInbound, Math.toIntExact(maxQueuedPerConnection.toBytes()), writeStallTimeout);
    }
}
