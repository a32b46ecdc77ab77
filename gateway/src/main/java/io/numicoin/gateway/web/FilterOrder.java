package io.numicoin.gateway.web;

import org.springframework.core.Ordered;

/** The order of the gateway's web filters, outermost first. All run before any route is handled. */
public final class FilterOrder {

    /** Security headers, access log and metrics: see every answer, the refusals included. */
    public static final int EDGE = Ordered.HIGHEST_PRECEDENCE + 10;
    /** CORS (preflights are answered here). */
    public static final int CORS = EDGE + 10;
    /** The route table: unknown paths, methods, oversize and wrong-typed bodies are refused here. */
    public static final int ROUTE = CORS + 10;
    /** Who is calling: the client's address, the API key and its scopes. */
    public static final int CALLER = ROUTE + 10;
    /** The token buckets. */
    public static final int RATE_LIMIT = CALLER + 10;

    private FilterOrder() {
    }
}
