package io.numicoin.node.p2p.discovery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code numi.p2p.discovery.*}: where peers come from (the bootstrap list is {@code numi.p2p.bootstrap}).
 *
 * @param dnsSeeds domain names resolved for A/AAAA and {@code _dnsaddr} TXT records, asked before the network's
 * @param networkDnsSeeds whether the network's own seeds ({@code NetworkParams#dnsSeeds}) are asked too
 * @param dnsResolver {@code host:port} of the DNS server to ask; empty for the system's
 * @param defaultPort port given to addresses from A/AAAA records
 * @param mdns libp2p mDNS on the local network; unset means on for regtest only
 * @param dialInterval how often free outbound slots are filled
 * @param exchangeInterval how often a peer is asked for addresses while the book is short
 * @param seedInterval how often seeds are read again while the book is short
 * @param wantedAddresses the book is short with fewer dialable addresses than this
 * @param exchangeMaxAnswer addresses given per peer-exchange request
 * @param exchangeGoodWithin only addresses that worked this recently are given out
 * @param exchangeBurst peer-exchange requests a peer may make at once, refilled at {@code exchangePerSecond}
 */
@Validated
@ConfigurationProperties(prefix = "numi.p2p.discovery")
public record DiscoveryProperties(
        @NotNull @DefaultValue List<String> dnsSeeds,
        @DefaultValue("true") boolean networkDnsSeeds,
        @NotNull @DefaultValue("") String dnsResolver,
        @NotNull @DefaultValue("5s") Duration dnsTimeout,
        @DefaultValue("8333") @Min(1) @Max(65535) int defaultPort,
        Boolean mdns,
        @NotNull @DefaultValue("10s") Duration mdnsInterval,
        @NotNull @DefaultValue("5s") Duration dialInterval,
        @NotNull @DefaultValue("60s") Duration exchangeInterval,
        @NotNull @DefaultValue("10m") Duration seedInterval,
        @DefaultValue("32") @Min(1) int wantedAddresses,
        @DefaultValue("32") @Min(1) @Max(64) int exchangeMaxAnswer,
        @NotNull @DefaultValue("24h") Duration exchangeGoodWithin,
        @DefaultValue("3") @Min(1) double exchangeBurst,
        @DefaultValue("0.05") double exchangePerSecond) {
}
