package io.numicoin.node.api.stream;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code numi.stream.*}: the live stream.
 *
 * @param buffer events kept per subscriber before its oldest are dropped
 * @param heartbeat how often an idle stream sends a comment (keeps proxies from closing it)
 * @param maxSubscribers SSE clients at once; one more is answered 503 {@code TOO_MANY_SUBSCRIBERS}
 * @param replay events kept for clients that reconnect with {@code Last-Event-ID}
 */
@Validated
@ConfigurationProperties(prefix = "numi.stream")
public record StreamProperties(
        @Min(1) @Max(100_000) @DefaultValue("1024") int buffer,
        @NotNull @DefaultValue("15s") Duration heartbeat,
        @Min(1) @Max(100_000) @DefaultValue("256") int maxSubscribers,
        @Min(1) @Max(1_000_000) @DefaultValue("4096") int replay) {
}
