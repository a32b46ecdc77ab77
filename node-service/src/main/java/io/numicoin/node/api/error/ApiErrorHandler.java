package io.numicoin.node.api.error;

import io.numicoin.support.problem.ProblemExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every error of a request under {@code /api/} as an RFC 9457 {@code application/problem+json}
 * document in the vocabulary every service shares ({@link ProblemExceptionHandler}): {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} (the path) and {@code rule}, mapped
 * by {@link ProblemMapper}. Runs before Spring Boot's own error handler, so unknown paths and wrong
 * methods get the same shape as the API's own refusals. Other paths (actuator, OpenAPI) keep Boot's handling.
 */
@Component
@Order(-10)
public final class ApiErrorHandler extends ProblemExceptionHandler {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    public ApiErrorHandler(JsonMapper json) {
        super(json, ProblemMapper::answer);
    }
}
