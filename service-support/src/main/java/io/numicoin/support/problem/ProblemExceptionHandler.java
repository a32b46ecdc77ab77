package io.numicoin.support.problem;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every error of a request under {@code /api/} as {@code application/problem+json} in the
 * {@link ProblemVocabulary}: what the service's own mapping knows (its refusals), then Spring's
 * status errors (unknown path 404 {@code NOT_FOUND}, wrong method 405 {@code METHOD_NOT_ALLOWED},
 * unreadable input 400 {@code INVALID_PARAMETER}, …), and anything else as a 500 {@code INTERNAL}
 * (a 5xx status error keeps its status; 503 is {@code UNAVAILABLE}) whose detail names no internals
 * (the cause is logged). Register a subclass as a bean ordered
 * before Spring Boot's own error handler ({@code @Order(-10)}); other paths keep Boot's handling.
 */
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final JsonMapper json;
    private final Function<Throwable, ProblemAnswer> serviceMapping;

    /** {@code serviceMapping} answers the service's own exceptions and returns null for the others. */
    public ProblemExceptionHandler(JsonMapper json, Function<Throwable, ProblemAnswer> serviceMapping) {
        this.json = json;
        this.serviceMapping = serviceMapping;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        ServerHttpResponse response = exchange.getResponse();
        if (!path.startsWith("/api/") || response.isCommitted()) {
            return Mono.error(error);
        }
        ProblemAnswer answer = answer(error);
        response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(answer.document(path));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /** The answer for {@code error}: the service's mapping, else {@link #standard}. */
    public ProblemAnswer answer(Throwable error) {
        ProblemAnswer own = serviceMapping.apply(error);
        return own != null ? own : standard(error);
    }

    /** Spring's input and status errors with a rule of their own; anything else (or a 5xx) a logged 500. */
    public static ProblemAnswer standard(Throwable error) {
        return switch (error) {
            case ServerWebInputException e when e.getStatusCode().value() == 400 -> ProblemAnswer.of(400,
                    ProblemVocabulary.INVALID_PARAMETER, inputDetail(e));
            case ResponseStatusException e when !resolve(e.getStatusCode()).is5xxServerError() -> ProblemAnswer.of(
                    resolve(e.getStatusCode()).value(), ruleOf(resolve(e.getStatusCode())),
                    e.getReason() != null ? e.getReason() : resolve(e.getStatusCode()).getReasonPhrase());
            case ResponseStatusException e when resolve(e.getStatusCode()) == HttpStatus.SERVICE_UNAVAILABLE -> {
                log.warn("request refused (503): {}", e.getMessage());
                yield ProblemAnswer.of(503, ProblemVocabulary.UNAVAILABLE, "the service cannot take the call now; try again");
            }
            case ResponseStatusException e -> {
                log.error("request failed", e);
                yield ProblemAnswer.of(resolve(e.getStatusCode()).value(), ProblemVocabulary.INTERNAL, ProblemVocabulary.INTERNAL_DETAIL);
            }
            default -> {
                log.error("request failed", error);
                yield ProblemAnswer.of(500, ProblemVocabulary.INTERNAL, ProblemVocabulary.INTERNAL_DETAIL);
            }
        };
    }

    private static String inputDetail(ServerWebInputException e) {
        String reason = e.getReason() != null ? e.getReason() : "invalid request";
        if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null) {
            return reason + " (parameter '" + e.getMethodParameter().getParameterName() + "')";
        }
        return reason;
    }

    private static HttpStatus resolve(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** The rule of a Spring status error. */
    public static String ruleOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> ProblemVocabulary.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ProblemVocabulary.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> ProblemVocabulary.UNSUPPORTED_MEDIA_TYPE;
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case CONTENT_TOO_LARGE -> ProblemVocabulary.TOO_LARGE;
            case BAD_REQUEST -> ProblemVocabulary.INVALID_PARAMETER;
            default -> status.is5xxServerError() ? ProblemVocabulary.INTERNAL : "HTTP_" + status.value();
        };
    }
}
