package io.numicoin.gateway.web;

import io.numicoin.gateway.route.PublicRoute;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/** The public route a request matched, kept on the exchange for the later filters, metrics and the log. */
public final class RouteAttributes {

    private static final String ROUTE = RouteAttributes.class.getName() + ".route";

    private RouteAttributes() {
    }

    public static void put(ServerWebExchange exchange, PublicRoute route) {
        exchange.getAttributes().put(ROUTE, route);
    }

    public static Optional<PublicRoute> route(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ROUTE));
    }
}
