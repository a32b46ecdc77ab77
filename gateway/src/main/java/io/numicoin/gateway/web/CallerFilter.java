package io.numicoin.gateway.web;

import io.numicoin.gateway.client.Caller;
import io.numicoin.gateway.client.ClientAddressResolver;
import io.numicoin.gateway.key.ApiKey;
import io.numicoin.gateway.key.ApiKeyToken;
import io.numicoin.gateway.key.ApiKeyVerifier;
import io.numicoin.gateway.key.KeyCheck;
import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.limit.TokenBuckets;
import io.numicoin.gateway.limit.Verdict;
import io.numicoin.gateway.route.Cost;
import io.numicoin.gateway.route.PublicRoute;
import io.numicoin.gateway.route.Scope;
import io.numicoin.support.problem.ProblemAnswer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Works out who is calling. With an API key ({@code X-Api-Key: numi_…} or
 * {@code Authorization: Bearer numi_…}) the caller is that key with its limits and scopes; a
 * malformed, unknown or revoked key is 401 {@code INVALID_API_KEY} (never served as anonymous),
 * and a key without the route's scope 403 {@code SCOPE_MISSING}. Without a key the caller is its
 * address (see {@link ClientAddressResolver}) with the anonymous limits and every scope. A key that
 * has to be looked up in the database first takes a token from its address's {@code keycheck}
 * bucket (the anonymous standard limits): a stranger cannot make the database look up keys faster
 * than that, whatever ids it makes up.
 */
public final class CallerFilter implements WebFilter, Ordered {

    public static final String INVALID_API_KEY = "INVALID_API_KEY";
    public static final String SCOPE_MISSING = "SCOPE_MISSING";
    public static final String KEY_HEADER = "X-Api-Key";

    private final ClientAddressResolver addresses;
    private final ApiKeyVerifier keys;
    private final Limits anonymous;
    private final ProblemWriter problems;
    private final TokenBuckets buckets;

    public CallerFilter(ClientAddressResolver addresses, ApiKeyVerifier keys, Limits anonymous, ProblemWriter problems,
            TokenBuckets buckets) {
        this.addresses = addresses;
        this.keys = keys;
        this.anonymous = anonymous;
        this.problems = problems;
        this.buckets = buckets;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (RouteAttributes.route(exchange).isEmpty()) {
            return chain.filter(exchange);
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        InetAddress peer = remote != null && remote.getAddress() != null ? remote.getAddress() : InetAddress.getLoopbackAddress();
        InetAddress client = addresses.resolve(peer, exchange.getRequest().getHeaders().get("X-Forwarded-For"));
        Optional<String> presented = presentedKey(exchange.getRequest().getHeaders());
        if (presented.isEmpty()) {
            new Caller(Optional.empty(), client, anonymous, EnumSet.allOf(Scope.class)).attachTo(exchange);
            return chain.filter(exchange);
        }
        Optional<ApiKeyToken> token = ApiKeyToken.parse(presented.get());
        if (token.isEmpty()) {
            return refuse(exchange, client, "the API key is malformed");
        }
        Mono<Boolean> mayLookUp = keys.cached(token.get().id()) ? Mono.just(true)
                : buckets.take("ip:" + client.getHostAddress() + ":keycheck", anonymous.bucket(Cost.STANDARD)).map(Verdict::allowed);
        return mayLookUp.flatMap(allowed -> EventLoops.continueOn(exchange, () -> allowed ? check(exchange, chain, client, token.get())
                : problems.write(exchange, ProblemAnswer.of(429, RateLimitFilter.RATE_LIMITED, "too many API key lookups from this address"))));
    }

    private Mono<Void> check(ServerWebExchange exchange, WebFilterChain chain, InetAddress client, ApiKeyToken token) {
        // a key not in the cache is read on the JDBC threads: the request goes on on its own event loop
        return keys.check(token).flatMap(check -> EventLoops.continueOn(exchange, () -> switch (check.outcome()) {
            case UNKNOWN -> refuse(exchange, client, "the API key is not known");
            case REVOKED -> refuse(exchange, client, "the API key has been revoked");
            case VALID -> admit(exchange, chain, client, check.key().orElseThrow());
        }));
    }

    private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, InetAddress client, ApiKey key) {
        new Caller(Optional.of(key.id()), client, key.limits(), key.scopes()).attachTo(exchange);
        PublicRoute route = RouteAttributes.route(exchange).orElseThrow();
        if (!key.scopes().contains(route.scope())) {
            return problems.write(exchange, ProblemAnswer.of(403, SCOPE_MISSING,
                    "this API key lacks the '" + route.scope().id() + "' scope"));
        }
        return chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, InetAddress client, String detail) {
        new Caller(Optional.empty(), client, anonymous, EnumSet.noneOf(Scope.class)).attachTo(exchange);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey");
        return problems.write(exchange, ProblemAnswer.of(401, INVALID_API_KEY, detail));
    }

    private static Optional<String> presentedKey(HttpHeaders headers) {
        String key = headers.getFirst(KEY_HEADER);
        if (key != null) {
            return Optional.of(key);
        }
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7));
        }
        return Optional.empty();
    }

    @Override
    public int getOrder() {
        return FilterOrder.CALLER;
    }
}
