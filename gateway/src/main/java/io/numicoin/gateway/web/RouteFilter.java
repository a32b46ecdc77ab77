package io.numicoin.gateway.web;

import io.numicoin.gateway.route.PublicRoute;
import io.numicoin.gateway.route.PublicRoutes;
import io.numicoin.support.problem.ProblemAnswer;
import io.numicoin.support.problem.ProblemVocabulary;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lets through only what {@link PublicRoutes} lists under {@code /api/} (nothing else is routed;
 * the management server, on its own port, shares these filters and is left alone): an unknown path is 404, a known path with
 * another method 405 (so mining and admin endpoints are simply not there). A body over the route's
 * limit is 413 before it is read when its length is declared, and as soon as the running count
 * passes it when it is chunked; a submission in any media type but JSON or octet-stream is 415.
 */
public final class RouteFilter implements WebFilter, Ordered {

    private static final Set<MediaType> SUBMIT_TYPES = Set.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM);

    private final ProblemWriter problems;

    public RouteFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!ApiPaths.isApi(exchange)) {
            return chain.filter(exchange);
        }
        PublicRoutes.Match match = PublicRoutes.match(request.getMethod(), request.getPath().pathWithinApplication().value());
        if (match.route().isEmpty()) {
            return match.pathKnown()
                    ? problems.write(exchange, ProblemAnswer.of(405, ProblemVocabulary.METHOD_NOT_ALLOWED,
                            request.getMethod() + " is not allowed on " + request.getPath().value()))
                    : problems.write(exchange, ProblemAnswer.of(404, ProblemVocabulary.NOT_FOUND,
                            "no public API route " + request.getPath().value()));
        }
        PublicRoute route = match.route().get();
        RouteAttributes.put(exchange, route);
        long declared = request.getHeaders().getContentLength();
        boolean chunked = request.getHeaders().containsHeader("Transfer-Encoding");
        if (declared > route.maxBodyBytes() || (route.maxBodyBytes() == 0 && chunked)) {
            return tooLarge(exchange, route);
        }
        if (route.method() == HttpMethod.POST) {
            MediaType type = request.getHeaders().getContentType();
            if (type == null || SUBMIT_TYPES.stream().noneMatch(t -> t.isCompatibleWith(type))) {
                return problems.write(exchange, ProblemAnswer.of(415, ProblemVocabulary.UNSUPPORTED_MEDIA_TYPE,
                        "send the transaction as application/json ({\"hex\": \"…\"}) or application/octet-stream"));
            }
        }
        if (chunked) {
            exchange = exchange.mutate().request(new Capped(request, route.maxBodyBytes())).build();
        }
        return chain.filter(exchange);
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, PublicRoute route) {
        return problems.write(exchange, ProblemAnswer.of(413, ProblemVocabulary.TOO_LARGE,
                route.maxBodyBytes() == 0 ? "this route takes no body"
                        : "the body is larger than " + route.maxBodyBytes() + " bytes"));
    }

    @Override
    public int getOrder() {
        return FilterOrder.ROUTE;
    }

    /** A chunked body cut off with 413 once it passes {@code max} bytes. */
    private static final class Capped extends ServerHttpRequestDecorator {
        private final long max;

        Capped(ServerHttpRequest delegate, long max) {
            super(delegate);
            this.max = max;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            long[] seen = {0};
            return super.getBody().doOnNext(buffer -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > max) {
                    org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                    throw new ResponseStatusException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE,
                            "the body is larger than " + max + " bytes");
                }
            });
        }
    }
}
