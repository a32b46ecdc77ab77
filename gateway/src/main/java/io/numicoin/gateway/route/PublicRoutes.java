package io.numicoin.gateway.route;

import static io.numicoin.gateway.route.Backend.EXPLORER;
import static io.numicoin.gateway.route.Backend.GATEWAY;
import static io.numicoin.gateway.route.Backend.MEMPOOL;
import static io.numicoin.gateway.route.Backend.NODE;
import static io.numicoin.gateway.route.Cost.EXPENSIVE;
import static io.numicoin.gateway.route.Cost.STANDARD;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The public API: every route the gateway answers, and nothing else. What is not here is never
 * routed: mining ({@code POST /api/v1/blocks}, {@code /api/v1/blocks/proposal},
 * {@code /api/v1/template}, anything taking the mining token), the node's peer list and event
 * stream, and every management (Actuator) endpoint.
 */
public final class PublicRoutes {

    /** The largest submission body: a 64 KiB transaction as hex in {@code {"hex": "…"}}, with room to spare. */
    public static final int MAX_SUBMIT_BODY_BYTES = 160 * 1024;
    /** The path of the one OpenAPI document of the public API. */
    public static final String OPENAPI_PATH = "/api/v1/openapi.json";
    /** The path of transaction submission. */
    public static final String SUBMIT_PATH = "/api/v1/transactions";

    private static final List<PublicRoute> ALL = List.of(
            PublicRoute.read("chain", "/api/v1/chain", NODE, STANDARD),
            PublicRoute.read("blocks", "/api/v1/blocks", NODE, STANDARD),
            PublicRoute.read("block", "/api/v1/blocks/{id}", NODE, STANDARD),
            PublicRoute.read("block-at-height", "/api/v1/blocks/height/{height}", NODE, STANDARD),
            PublicRoute.read("headers", "/api/v1/headers", NODE, STANDARD),
            PublicRoute.read("transaction", "/api/v1/transactions/{txid}", NODE, STANDARD),
            PublicRoute.read("account", "/api/v1/accounts/{address}", NODE, STANDARD),
            new PublicRoute("submit", HttpMethod.POST, SUBMIT_PATH, MEMPOOL, EXPENSIVE, Scope.SUBMIT,
                    MAX_SUBMIT_BODY_BYTES),
            PublicRoute.read("mempool", "/api/v1/mempool", MEMPOOL, STANDARD),
            PublicRoute.read("mempool-transaction", "/api/v1/mempool/transactions/{txid}", MEMPOOL, STANDARD),
            PublicRoute.read("mempool-account", "/api/v1/mempool/accounts/{address}", MEMPOOL, STANDARD),
            PublicRoute.read("fee-estimate", "/api/v1/fees/estimate", MEMPOOL, STANDARD),
            PublicRoute.read("explorer-blocks", "/api/v1/explorer/blocks", EXPLORER, STANDARD),
            PublicRoute.read("explorer-block", "/api/v1/explorer/blocks/{id}", EXPLORER, STANDARD),
            PublicRoute.read("explorer-block-at-height", "/api/v1/explorer/blocks/height/{height}", EXPLORER, STANDARD),
            PublicRoute.read("explorer-block-transactions", "/api/v1/explorer/blocks/{id}/transactions", EXPLORER, STANDARD),
            PublicRoute.read("explorer-transaction", "/api/v1/explorer/transactions/{txid}", EXPLORER, STANDARD),
            PublicRoute.read("explorer-address", "/api/v1/explorer/addresses/{address}", EXPLORER, STANDARD),
            PublicRoute.read("explorer-address-history", "/api/v1/explorer/addresses/{address}/history", EXPLORER, EXPENSIVE),
            PublicRoute.read("explorer-mempool", "/api/v1/explorer/mempool", EXPLORER, STANDARD),
            PublicRoute.read("explorer-reorgs", "/api/v1/explorer/reorgs", EXPLORER, STANDARD),
            PublicRoute.read("explorer-search", "/api/v1/explorer/search", EXPLORER, EXPENSIVE),
            PublicRoute.read("openapi", OPENAPI_PATH, GATEWAY, STANDARD));

    private static final List<PathPattern> PATTERNS = ALL.stream().map(PublicRoute::pattern).toList();

    private PublicRoutes() {
    }

    public static List<PublicRoute> all() {
        return ALL;
    }

    /** The routes a backend answers. */
    public static List<PublicRoute> of(Backend backend) {
        return ALL.stream().filter(r -> r.backend() == backend).toList();
    }

    /** What {@code method} on {@code path} is: a route, a known path with another method, or unknown. */
    public static Match match(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        boolean pathKnown = false;
        for (int i = 0; i < ALL.size(); i++) {
            if (PATTERNS.get(i).matches(container)) {
                PublicRoute route = ALL.get(i);
                if (route.method().equals(method) || (method == HttpMethod.HEAD && route.method() == HttpMethod.GET)) {
                    return new Match(Optional.of(route), true);
                }
                pathKnown = true;
            }
        }
        return new Match(Optional.empty(), pathKnown);
    }

    /** The route matched, if any; {@code pathKnown} when some route has this path (with another method). */
    public record Match(Optional<PublicRoute> route, boolean pathKnown) {
    }
}
