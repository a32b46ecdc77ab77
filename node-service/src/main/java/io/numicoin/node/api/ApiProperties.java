package io.numicoin.node.api;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code numi.api.*}: how long the write endpoints may take (reads: {@code numi.query.*}).
 *
 * @param transactionTimeout checking a submitted transaction and writing its event
 * @param blockTimeout importing a submitted block (full validation; imports are serialised, so
 *     this includes waiting for imports ahead of it). After it the client gets 503 TIMEOUT, but
 *     the import still completes
 * @param miningToken the secret miners send as {@code Authorization: Bearer} to submit blocks and
 *     proposals (at least 16 characters; empty: mining through the API is refused)
 * @param miningTokenFile a file whose first line is that secret (instead of {@code miningToken})
 */
@Validated
@ConfigurationProperties(prefix = "numi.api")
public record ApiProperties(
        @NotNull @DefaultValue("10s") Duration transactionTimeout,
        @NotNull @DefaultValue("60s") Duration blockTimeout,
        @DefaultValue("") String miningToken,
        Path miningTokenFile) {
}
