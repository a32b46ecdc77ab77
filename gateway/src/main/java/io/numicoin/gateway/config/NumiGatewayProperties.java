package io.numicoin.gateway.config;

import io.numicoin.gateway.limit.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code numi.gateway.*}: the backends, how they are guarded, the limits and who is trusted.
 *
 * @param trustedProxies addresses or CIDR blocks whose {@code X-Forwarded-For} is believed; empty:
 *     the client is always the connection's peer
 * @param fastReads whether plain proxied reads take the fast path ({@code FastReads}) instead of
 *     Spring Cloud Gateway; the same checks and answers either way
 */
@Validated
@ConfigurationProperties(prefix = "numi.gateway")
public record NumiGatewayProperties(
        @Valid @NotNull Backends backends,
        @Valid @NotNull @DefaultValue Health health,
        @Valid @NotNull @DefaultValue Resilience resilience,
        @Valid @NotNull @DefaultValue LimitSettings limits,
        @DefaultValue List<String> trustedProxies,
        @Valid @NotNull @DefaultValue Cors cors,
        @Valid @NotNull @DefaultValue Keys keys,
        @DefaultValue("true") boolean fastReads) {

    public NumiGatewayProperties {
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** Where the node(s), the mempool and the explorer answer. */
    public record Backends(@Valid @NotNull BackendSettings node, @Valid @NotNull BackendSettings mempool,
            @Valid @NotNull BackendSettings explorer) {
    }

    /**
     * One backend.
     *
     * @param urls its instances (several nodes are load-balanced); none only for a backend that is not
     *     required (its routes then answer 503)
     * @param healthPath polled on each instance; for the nodes it is {@code /api/v1/chain}, whose
     *     {@code height} says how far behind the best instance it is
     * @param required whether readiness needs one healthy instance of it
     */
    public record BackendSettings(@DefaultValue List<URI> urls, @NotNull String healthPath,
            @DefaultValue("true") boolean required) {

        public BackendSettings {
            urls = List.copyOf(urls);
            if (required && urls.isEmpty()) {
                throw new IllegalArgumentException("a required backend needs at least one URL (" + healthPath + ")");
            }
        }
    }

    /**
     * @param interval how often every instance is polled
     * @param timeout a poll's deadline
     * @param maxTipLag a node more than this many blocks behind the highest is taken out of rotation
     * @param failuresToLeave failed polls in a row that take an instance out of rotation (one that never answered: the first)
     */
    public record Health(@DefaultValue("2s") @NotNull Duration interval, @DefaultValue("1s") @NotNull Duration timeout,
            @DefaultValue("2") @PositiveOrZero long maxTipLag, @DefaultValue("3") @Positive int failuresToLeave) {
    }

    /**
     * Resilience4j per backend instance.
     *
     * @param timeout a read must have its answer's headers within this
     * @param submitTimeout the same for transaction submission (the mempool checks against the node)
     * @param maxConcurrent calls in flight to one instance; more are refused at once (bulkhead)
     * @param failureRatePercent the circuit opens above this failure rate …
     * @param window … over this many recent calls
     * @param openFor and stays open (fast 503) this long before letting a few calls through
     * @param readAttempts attempts of an idempotent read (1 = no retry); writes are never retried
     */
    public record Resilience(@DefaultValue("5s") @NotNull Duration timeout, @DefaultValue("10s") @NotNull Duration submitTimeout,
            @DefaultValue("128") @Positive int maxConcurrent, @DefaultValue("50") @Positive float failureRatePercent,
            @DefaultValue("20") @Positive int window, @DefaultValue("10s") @NotNull Duration openFor,
            @DefaultValue("2") @Positive int readAttempts) {
    }

    /**
     * @param store {@code redis} (one budget across replicas) or {@code local} (one replica, the devnet)
     * @param keyPrefix prefix of every Redis key the limiter writes
     * @param anonymous the limits of a client without a key (per IP)
     * @param sharedTimeout a Redis answer slower than this is not waited for: this replica's own buckets decide
     * @param leaseTime how long a replica may hold tokens it took from a Redis bucket in a batch
     *     ({@code LeasedTokenBuckets}: buckets of capacity 40 and more; 0 asks Redis for every request)
     */
    public record LimitSettings(@DefaultValue("redis") @NotNull Store store, @DefaultValue("numi:gw:rl") @NotNull String keyPrefix,
            @Valid @NotNull @DefaultValue({"5", "20", "0.5", "4"}) Limits anonymous,
            @DefaultValue("500ms") @NotNull Duration sharedTimeout, @DefaultValue("1s") @NotNull Duration leaseTime) {

        /** Where the buckets live. */
        public enum Store { REDIS, LOCAL }
    }

    /**
     * @param allowedOrigins origins allowed to call the API from a browser ({@code *} for any); empty: no CORS
     */
    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") @NotNull Duration maxAge) {

        public Cors {
            allowedOrigins = List.copyOf(allowedOrigins);
        }
    }

    /**
     * @param cacheTtl how long a verified key is remembered; a revocation evicts it at once
     *     (PostgreSQL {@code NOTIFY}), this only bounds a missed notification
     * @param cacheSize at most this many keys remembered
     */
    public record Keys(@DefaultValue("30s") @NotNull Duration cacheTtl, @DefaultValue("10000") @Positive int cacheSize) {
    }
}
