package io.numicoin.node.p2p.peers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code numi.p2p.peers.*}: connection limits, eviction, the address book, scores and bans.
 *
 * @param maxOutbound outbound connections kept (the host's own limit must be higher)
 * @param maxInbound inbound connections before eviction starts (the host's own limit must be higher)
 * @param maxOutboundPerGroup outbound connections into one /16 (IPv4) or /32 (IPv6)
 * @param maxInboundPerIp inbound connections from one IP address
 * @param maxInboundPerSubnet inbound connections from one /24 (IPv4) or /64 (IPv6)
 * @param exemptLoopback whether loopback addresses skip the per-address caps and address bans (a local
 *        devnet runs every node on 127.0.0.1); a peer-id ban applies to them all the same
 * @param allowList addresses or CIDR blocks (IP literals) exempt like loopback, e.g. a cluster's own network
 * @param evictProtectByPing inbound peers with the lowest ping never evicted
 * @param evictProtectByBlocks inbound peers that most recently sent new blocks never evicted
 * @param addressBookSize rows kept in {@code peers} (bans excepted) before the worst are evicted
 * @param backoffBase wait after a failed dial, doubled per further failure up to {@code backoffMax}
 * @param banDuration how long a ban lasts
 * @param banThreshold decaying score at which a peer is banned
 * @param minorPoints points per minor offence (and {@code rateLimitPenalty} per refused request)
 * @param scoreHalfLife how fast scores decay
 * @param observationInterval at most one {@code numi.peers.v1} event per peer and outcome per interval
 * @param limits per-peer budgets of sync requests and gossip messages
 */
@Validated
@ConfigurationProperties(prefix = "numi.p2p.peers")
public record PeersProperties(
        @DefaultValue("8") @Min(0) int maxOutbound,
        @DefaultValue("117") @Min(0) int maxInbound,
        @DefaultValue("2") @Min(1) int maxOutboundPerGroup,
        @DefaultValue("4") @Min(1) int maxInboundPerIp,
        @DefaultValue("16") @Min(1) int maxInboundPerSubnet,
        @DefaultValue("true") boolean exemptLoopback,
        @NotNull @DefaultValue java.util.List<String> allowList,
        @DefaultValue("4") @Min(0) int evictProtectByPing,
        @DefaultValue("4") @Min(0) int evictProtectByBlocks,
        @DefaultValue("4096") @Min(16) int addressBookSize,
        @NotNull @DefaultValue("30s") Duration backoffBase,
        @NotNull @DefaultValue("6h") Duration backoffMax,
        @NotNull @DefaultValue("24h") Duration banDuration,
        @DefaultValue("100") @Min(1) double banThreshold,
        @DefaultValue("10") @Min(0) double minorPoints,
        @DefaultValue("50") @Min(0) double majorPoints,
        @NotNull @DefaultValue("10m") Duration scoreHalfLife,
        @DefaultValue("5") @Min(0) double rateLimitPenalty,
        @NotNull @DefaultValue("10m") Duration observationInterval,
        @Valid @NotNull @DefaultValue Limits limits) {

    /**
     * {@code numi.p2p.peers.limits.*}: a burst, then a sustained rate per second, per peer. Honest
     * peers stay far below: status every 5 s (at most once a second on orphans), one headers request at a time, block requests bounded
     * by the requester's import rate, gossip bounded by the network's block and transaction rate.
     */
    public record Limits(
            @DefaultValue("20") @Min(1) double statusBurst,
            @DefaultValue("2") @Min(0) double statusPerSecond,
            @DefaultValue("50") @Min(1) double headersBurst,
            @DefaultValue("10") @Min(0) double headersPerSecond,
            @DefaultValue("2048") @Min(1) double blocksBurst,
            @DefaultValue("1000") @Min(0) double blocksPerSecond,
            @DefaultValue("500") @Min(1) double blockGossipBurst,
            @DefaultValue("50") @Min(0) double blockGossipPerSecond,
            @DefaultValue("5000") @Min(1) double txGossipBurst,
            @DefaultValue("1000") @Min(0) double txGossipPerSecond) {

        public java.util.Map<io.numicoin.node.p2p.hooks.PeerActivity.Traffic, RateLimits.Limit> budgets() {
            return java.util.Map.of(
                    io.numicoin.node.p2p.hooks.PeerActivity.Traffic.STATUS_REQUEST, new RateLimits.Limit(statusBurst, statusPerSecond),
                    io.numicoin.node.p2p.hooks.PeerActivity.Traffic.HEADERS_REQUEST, new RateLimits.Limit(headersBurst, headersPerSecond),
                    io.numicoin.node.p2p.hooks.PeerActivity.Traffic.BLOCK_REQUEST, new RateLimits.Limit(blocksBurst, blocksPerSecond),
                    io.numicoin.node.p2p.hooks.PeerActivity.Traffic.BLOCK_GOSSIP, new RateLimits.Limit(blockGossipBurst, blockGossipPerSecond),
                    io.numicoin.node.p2p.hooks.PeerActivity.Traffic.TRANSACTION_GOSSIP, new RateLimits.Limit(txGossipBurst, txGossipPerSecond));
        }
    }
}
