package io.numicoin.gateway.key;

import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.route.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A stored API key: its public id, label, scopes, limits, when made and (if so) revoked; never the secret. */
public record ApiKey(String id, String label, Set<Scope> scopes, Limits limits, Instant createdAt,
        Optional<Instant> revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public boolean revoked() {
        return revokedAt.isPresent();
    }
}
