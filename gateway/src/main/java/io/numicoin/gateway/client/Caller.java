package io.numicoin.gateway.client;

import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.route.Scope;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling: an API key (its public id, never the secret) or an anonymous client by address,
 * with the limits and scopes that apply.
 */
public record Caller(Optional<String> keyId, InetAddress address, Limits limits, Set<Scope> scopes) {

    static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** The rate-limit subject: {@code key:<id>} or {@code ip:<address>}. */
    public String subject() {
        return keyId.map(id -> "key:" + id).orElseGet(() -> "ip:" + address.getHostAddress());
    }

    /** The key id for metrics and logs, or {@code anonymous}. */
    public String label() {
        return keyId.orElse("anonymous");
    }

    public static Optional<Caller> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    public void attachTo(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }
}
