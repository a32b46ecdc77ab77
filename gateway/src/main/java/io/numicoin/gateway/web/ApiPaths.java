package io.numicoin.gateway.web;

import org.springframework.web.server.ServerWebExchange;

/** Whether a request is for the public API ({@code /api/…}), the only paths the gateway's filters judge. */
final class ApiPaths {

    private ApiPaths() {
    }

    static boolean isApi(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/");
    }
}
