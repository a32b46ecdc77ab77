package io.numicoin.node.api.mining;

import io.numicoin.node.api.error.ApiException;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Mining is not an anonymous public surface: {@code POST /api/v1/blocks} and
 * {@code POST /api/v1/blocks/proposal} need {@code Authorization: Bearer <mining token>}, checked
 * before the body is read. Without a configured token they are refused (403 {@code MINING_DISABLED});
 * with a missing or wrong token 401 {@code MINING_TOKEN_REQUIRED}. Blocks from peers (gossip, sync)
 * do not pass here.
 */
public final class MiningAccessFilter implements WebFilter, Ordered {

    static final Set<String> MINING_PATHS = Set.of("/api/v1/blocks", "/api/v1/blocks/proposal");
    private static final String BEARER = "Bearer ";

    private final Optional<MiningToken> token;

    public MiningAccessFilter(Optional<MiningToken> token) {
        this.token = token;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;  // after the request caps, before anything reads the body
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.POST || !MINING_PATHS.contains(request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        if (token.isEmpty()) {
            return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "MINING_DISABLED",
                    "this node takes no mined blocks on its API: no numi.api.mining-token is configured"));
        }
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        String presented = authorization != null && authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()).strip() : null;
        if (!token.get().matches(presented)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"numi-mining\"");
            return Mono.error(new ApiException(HttpStatus.UNAUTHORIZED, "MINING_TOKEN_REQUIRED",
                    "send the mining token as Authorization: Bearer <token>"));
        }
        return chain.filter(exchange);
    }
}
