package io.numicoin.mempool.api;

import io.numicoin.support.problem.ProblemVocabulary;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An API error: the HTTP status, the {@code rule} broken (an enum name: a pool reject reason,
 * INVALID_PARAMETER, UNKNOWN_TRANSACTION, NO_TIP), a detail, and extra problem properties; written
 * by {@link ApiErrorHandler} in the shared {@link ProblemVocabulary}.
 */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String rule;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String rule, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.rule = rule;
        this.properties = Map.copyOf(properties);
    }

    public static ApiException invalidParameter(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, ProblemVocabulary.INVALID_PARAMETER, detail, Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
