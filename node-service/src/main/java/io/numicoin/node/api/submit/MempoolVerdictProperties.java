package io.numicoin.node.api.submit;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code numi.api.mempool-url} and {@code numi.api.mempool-timeout}: the deployment's mempool, which
 * {@code POST /api/v1/transactions} asks for its verdict before relaying (none when the URL is unset:
 * the node answers with its own checks only).
 *
 * @param mempoolUrl the mempool's public API, e.g. {@code http://127.0.0.1:8083}
 * @param mempoolTimeout how long the node waits for the verdict (less than {@code numi.api.transaction-timeout})
 */
@Validated
@ConfigurationProperties(prefix = "numi.api")
public record MempoolVerdictProperties(
        URI mempoolUrl,
        @NotNull @DefaultValue("5s") Duration mempoolTimeout) {
}
