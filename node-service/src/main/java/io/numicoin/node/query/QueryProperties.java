package io.numicoin.node.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code numi.query.*}: how the read side waits for the database.
 *
 * @param timeout the longest a read may take, retries included; the caller gets a 503 after it
 * @param attempts tries per read when the database is transiently unavailable (1 = no retry)
 * @param backoff the wait before the first retry, doubled before each further one
 * @param threads the most reads running at once (blocking JDBC, off the event loop)
 */
@Validated
@ConfigurationProperties(prefix = "numi.query")
public record QueryProperties(
        @NotNull @DefaultValue("5s") Duration timeout,
        @Min(1) @Max(10) @DefaultValue("3") int attempts,
        @NotNull @DefaultValue("100ms") Duration backoff,
        @Min(1) @Max(1_000) @DefaultValue("32") int threads) {
}
