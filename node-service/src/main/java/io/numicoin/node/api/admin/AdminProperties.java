package io.numicoin.node.api.admin;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code numi.admin.*}: the admin operations on the management port.
 *
 * @param token the secret every admin request must carry in {@value AdminRoutes#TOKEN_HEADER}; blank
 *     (the default) disables the admin operations
 * @param timeout the longest one operation may run before the caller gets 503 (it keeps running)
 */
@Validated
@ConfigurationProperties(prefix = "numi.admin")
public record AdminProperties(
        @DefaultValue("") String token,
        @NotNull @DefaultValue("10m") Duration timeout) {

    public boolean enabled() {
        return token != null && !token.isBlank();
    }
}
