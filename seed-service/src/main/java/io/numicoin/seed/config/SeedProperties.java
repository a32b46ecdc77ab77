package io.numicoin.seed.config;

import io.numicoin.protocol.params.Network;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The seed's settings ({@code numi.*}).
 *
 * @param network mainnet, testnet or regtest: the chain id events must carry, the status protocol and genesis peers must have
 * @param defaultPort the p2p port of the network's nodes: only peers on it are given as A/AAAA records (no port there)
 */
@Validated
@ConfigurationProperties(prefix = "numi")
public record SeedProperties(
        @NotNull Network network,
        @Valid @DefaultValue Seed seed,
        @Valid @DefaultValue Events events) {

    /** {@code numi.seed.*}. */
    public record Seed(
            @DefaultValue("8333") @Min(1) @Max(65535) int defaultPort,
            @Valid @DefaultValue Dns dns,
            @Valid @DefaultValue Crawl crawl,
            @Valid @DefaultValue Peers peers) {
    }

    /**
     * {@code numi.seed.dns.*}: the zone and the server.
     *
     * @param zone the seed's domain, e.g. {@code seed.numicoin.org}; {@code _dnsaddr.<zone>} carries the TXT records
     * @param nameServers the zone's NS records (the first is the SOA's primary); the delegation in the parent zone names them
     * @param hostmaster the SOA's mailbox, as a domain name
     * @param listenHost address to bind (UDP and TCP)
     * @param port 53 in production; the devnet uses 8053; 0 picks a free port (tests)
     * @param maxAnswers records per answer (A, AAAA or TXT), a random subset of the good peers
     * @param maxUdpPayload the largest UDP reply for an EDNS0 client (1232 avoids IP fragmentation)
     * @param rateBurst queries a client IP (IPv6: its /64) may send at once; refilled at {@code ratePerSecond}
     * @param refreshInterval how often the answers are rebuilt from the store
     */
    public record Dns(
            @DefaultValue("seed.regtest.numi.test") @NotBlank String zone,
            @DefaultValue("ns.seed.regtest.numi.test") @NotEmpty List<@NotBlank String> nameServers,
            @DefaultValue("hostmaster.seed.regtest.numi.test") @NotBlank String hostmaster,
            @DefaultValue("127.0.0.1") @NotBlank String listenHost,
            @DefaultValue("8053") @Min(0) @Max(65535) int port,
            @DefaultValue("60s") @NotNull Duration answerTtl,
            @DefaultValue("1h") @NotNull Duration zoneTtl,
            @DefaultValue("60s") @NotNull Duration negativeTtl,
            @DefaultValue("24") @Min(1) @Max(256) int maxAnswers,
            @DefaultValue("1232") @Min(512) @Max(65535) int maxUdpPayload,
            @DefaultValue("2") @Min(1) @Max(64) int udpWorkers,
            @DefaultValue("20") @DecimalMin("1") double rateBurst,
            @DefaultValue("10") @DecimalMin("0.001") double ratePerSecond,
            @DefaultValue("65536") @Min(1) int rateSlots,
            @DefaultValue("256") @Min(1) int tcpMaxConnections,
            @DefaultValue("4") @Min(1) int tcpMaxPerClient,
            @DefaultValue("10s") @NotNull Duration tcpIdleTimeout,
            @DefaultValue("32") @Min(1) int tcpMaxQueriesPerConnection,
            @DefaultValue("10s") @NotNull Duration refreshInterval,
            @DefaultValue("1000") @Min(1) int maxServedPeers) {
    }

    /**
     * {@code numi.seed.crawl.*}.
     *
     * @param bootstrap multiaddrs crawled first ({@code /ip4/<a>/tcp/<port>[/p2p/<id>]})
     * @param maxConcurrent peers visited at once
     * @param tick how often free crawl slots are filled
     * @param visitTimeout a whole visit (dial, identify, status, peer exchange)
     * @param claimFor a claimed peer is not claimed again for this long (a lost visit frees it after)
     */
    public record Crawl(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue List<String> bootstrap,
            @DefaultValue("32") @Min(1) @Max(1024) int maxConcurrent,
            @DefaultValue("1s") @NotNull Duration tick,
            @DefaultValue("15s") @NotNull Duration visitTimeout,
            @DefaultValue("5m") @NotNull Duration claimFor,
            @DefaultValue("10m") @NotNull Duration pruneInterval,
            @DefaultValue("32") @Min(1) @Max(64) int addressesPerVisit) {
    }

    /**
     * {@code numi.seed.peers.*}: scoring and the store.
     *
     * @param maxPeers rows the store keeps at most
     * @param forgetAfterFailures an address that never answered is forgotten after this many failed visits
     * @param minHeight a good peer reports at least this height
     * @param allowNonPublic loopback and private addresses may be good (the devnet only)
     * @param goodInterval a good peer is visited again after this
     * @param retryInterval any other peer after this, doubled per consecutive failure up to {@code maxRetryInterval}
     * @param banBase first ban of a misbehaving peer, doubled per later ban up to {@code banMax}
     */
    public record Peers(
            @DefaultValue("100000") @Min(1) int maxPeers,
            @DefaultValue("8") @Min(1) int forgetAfterFailures,
            @DefaultValue("0") @Min(0) long minHeight,
            @DefaultValue("false") boolean allowNonPublic,
            @DefaultValue("15m") @NotNull Duration goodInterval,
            @DefaultValue("1000s") @NotNull Duration retryInterval,
            @DefaultValue("1d") @NotNull Duration maxRetryInterval,
            @DefaultValue("1h") @NotNull Duration banBase,
            @DefaultValue("30d") @NotNull Duration banMax) {
    }

    /** {@code numi.events.*}: the consumer group of {@code numi.peers.v1}. */
    public record Events(@DefaultValue("true") boolean enabled, @DefaultValue("numi-seed") @NotBlank String groupId) {
    }
}
