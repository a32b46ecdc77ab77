package io.numicoin.support.http;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code numi.http.*}: what one client may hold of a service's HTTP server (node, mempool, miner).
 *
 * @param readTimeout a request's headers and body must arrive within this from its first byte
 *     (slowloris: a client dribbling bytes is cut off)
 * @param idleTimeout a connection with no request coming (no byte of one yet) is closed after this
 * @param maxConcurrentRequests requests in progress at once; more are answered 503 {@code BUSY} at once
 * @param maxBodyBytesInFlight request-body bytes held by requests in progress (declared
 *     {@code Content-Length}s, or bytes received for chunked bodies); past it 503 {@code BUSY}
 * @param longLivedPaths paths of streams (SSE) that hold a connection for long: not counted in
 *     {@code maxConcurrentRequests} (they have their own subscriber cap)
 */
@ConfigurationProperties(prefix = "numi.http")
public record HttpLimits(
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("256") int maxConcurrentRequests,
        @DefaultValue("67108864") long maxBodyBytesInFlight,
        @DefaultValue List<String> longLivedPaths) {

    public HttpLimits {
        requirePositive(readTimeout, "numi.http.read-timeout");
        requirePositive(idleTimeout, "numi.http.idle-timeout");
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("numi.http.max-concurrent-requests must be positive: " + maxConcurrentRequests);
        }
        if (maxBodyBytesInFlight < 1) {
            throw new IllegalArgumentException("numi.http.max-body-bytes-in-flight must be positive: " + maxBodyBytesInFlight);
        }
        longLivedPaths = longLivedPaths == null ? List.of() : List.copyOf(longLivedPaths);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
