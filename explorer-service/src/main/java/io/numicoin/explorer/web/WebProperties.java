package io.numicoin.explorer.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The web UI's settings ({@code numi.web.*}, docs/explorer.md#web-ui).
 *
 * @param livePoll how often the live feed looks at the read model's tip and mempool (one query of
 *     each per period, whatever the number of browsers watching)
 * @param heartbeat a comment line on every live stream this often, so proxies keep it open
 * @param maxLiveStreams live streams served at once; more are answered 503
 * @param maxLiveStreamsPerClient live streams one client address may hold at once; more are answered 429
 */
@Validated
@ConfigurationProperties(prefix = "numi.web")
public record WebProperties(
        @DefaultValue("1s") @NotNull Duration livePoll,
        @DefaultValue("15s") @NotNull Duration heartbeat,
        @DefaultValue("2000") @Min(1) @Max(100_000) int maxLiveStreams,
        @DefaultValue("8") @Min(1) @Max(1_000) int maxLiveStreamsPerClient) {
}
