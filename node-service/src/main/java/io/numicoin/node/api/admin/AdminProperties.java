package io.numicoin.node.api.admin;

import io.numicoin.support.http.BearerToken;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code numi.admin.*}: the admin operations on the management port.
 *
 * @param token the secret every admin request must carry in {@value AdminRoutes#TOKEN_HEADER}; blank
 *     (the default) disables the admin operations
 * @param tokenFile a file whose first line is that secret, instead of {@code token} (kept out of the
 *     process list and the environment; at least 16 characters, like the mining token)
 * @param timeout the longest one operation may run before the caller gets 503 (it keeps running)
 */
@Validated
@ConfigurationProperties(prefix = "numi.admin")
public record AdminProperties(
        @DefaultValue("") String token,
        Path tokenFile,
        @NotNull @DefaultValue("10m") Duration timeout) {

    /** The configured secret, from {@code token} or {@code tokenFile}; empty: admin operations are off. */
    public Optional<String> secret() {
        return tokenFile == null ? Optional.ofNullable(token).filter(t -> !t.isBlank())
                : BearerToken.resolve(token, tokenFile, "numi.admin.token");
    }
}
