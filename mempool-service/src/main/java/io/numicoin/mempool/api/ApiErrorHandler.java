package io.numicoin.mempool.api;

import io.numicoin.support.problem.ProblemVocabulary;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error under {@code /api/} as {@code application/problem+json} in the vocabulary all services
 * share ({@link ProblemVocabulary}: type, title, status, detail, instance, {@code rule}): the API's own
 * refusals, unknown paths, wrong methods and unreadable input alike. Anything else is a 500 whose
 * detail names no internals (the cause is logged). Runs before Spring Boot's error handler.
 */
@Component
@Order(-10)
public class ApiErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

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
        ApiException problem = toApiException(error);
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(ProblemVocabulary.document(problem.status().value(), problem.rule(),
                problem.getMessage(), path, problem.properties()));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    static ApiException toApiException(Throwable error) {
        return switch (error) {
            case ApiException api -> api;
            case ServerWebInputException e -> ApiException.invalidParameter(e.getReason() != null ? e.getReason() : "invalid request");
            case ResponseStatusException e when !resolve(e.getStatusCode()).is5xxServerError() ->
                    new ApiException(resolve(e.getStatusCode()), ruleOf(resolve(e.getStatusCode())),
                            e.getReason() != null ? e.getReason() : resolve(e.getStatusCode()).getReasonPhrase(), Map.of());
            default -> {
                log.error("request failed", error);
                yield new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, ProblemVocabulary.INTERNAL,
                        ProblemVocabulary.INTERNAL_DETAIL, Map.of());
            }
        };
    }

    private static HttpStatus resolve(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String ruleOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> ProblemVocabulary.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ProblemVocabulary.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> ProblemVocabulary.UNSUPPORTED_MEDIA_TYPE;
            case CONTENT_TOO_LARGE -> ProblemVocabulary.TOO_LARGE;
            case BAD_REQUEST -> ProblemVocabulary.INVALID_PARAMETER;
            default -> "HTTP_" + status.value();
        };
    }
}
