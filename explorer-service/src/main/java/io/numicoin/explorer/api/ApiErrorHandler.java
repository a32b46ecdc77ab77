package io.numicoin.explorer.api;

import io.numicoin.support.problem.ProblemAnswer;
import io.numicoin.support.problem.ProblemExceptionHandler;
import io.numicoin.support.problem.ProblemVocabulary;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error under {@code /api/} as problem+json in the vocabulary all services share
 * ({@link ProblemExceptionHandler}): the explorer's own refusals ({@link ApiException}), the read
 * model's database being away (503 {@code UNAVAILABLE}), unknown paths, wrong methods and unreadable
 * input alike; anything else a 500 naming no internals.
 */
@Component
@Order(-10)
public class ApiErrorHandler extends ProblemExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    public ApiErrorHandler(JsonMapper json) {
        super(json, ApiErrorHandler::explorerAnswer);
    }

    private static ProblemAnswer explorerAnswer(Throwable error) {
        return switch (error) {
            case ApiException api -> new ProblemAnswer(api.status().value(), api.rule(), api.getMessage(), Map.of());
            case DataAccessException database -> {
                log.warn("read model unavailable: {}", database.getMessage());
                yield ProblemAnswer.of(503, ProblemVocabulary.UNAVAILABLE, "the read model's database is unavailable");
            }
            default -> null;
        };
    }
}
