package io.numicoin.node.api.error;

import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every error of a request under {@code /api/} as an RFC 9457 {@code application/problem+json}
 * document: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} (the path)
 * and {@code rule}. Runs before Spring Boot's own error handler, so unknown paths and wrong methods
 * get the same shape as the API's own refusals. Other paths (actuator, OpenAPI) keep Boot's handling.
 */
@Component
@Order(-10)
public final class ApiErrorHandler implements WebExceptionHandler {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper json;

    public ApiErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        ServerHttpResponse response = exchange.getResponse();
        if (!path.startsWith("/api/") || response.isCommitted()) {
            return Mono.error(error);
        }
        ApiException api = ProblemMapper.toApiException(error);
        response.setStatusCode(api.status());
        response.getHeaders().setContentType(PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(api.document(path));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
