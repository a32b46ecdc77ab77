package io.numicoin.gateway.route;

import java.util.Objects;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One route of the public API: its method and path pattern (the backends serve the same path),
 * who answers it, its cost class, the scope a key needs and the largest request body it takes.
 *
 * @param id a stable name, used in metrics and the access log
 */
public record PublicRoute(String id, HttpMethod method, String path, Backend backend, Cost cost, Scope scope,
        int maxBodyBytes) {

    public PublicRoute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(scope, "scope");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must be absolute: " + path);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative: " + maxBodyBytes);
        }
    }

    /** A read ({@code GET}, no body) answered by {@code backend}. */
    static PublicRoute read(String id, String path, Backend backend, Cost cost) {
        return new PublicRoute(id, HttpMethod.GET, path, backend, cost, Scope.READ, 0);
    }

    /** The parsed path pattern. */
    public PathPattern pattern() {
        return PathPatternParser.defaultInstance.parse(path);
    }

    /** Whether a failed call may be sent again (idempotent reads only). */
    public boolean idempotent() {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }
}
