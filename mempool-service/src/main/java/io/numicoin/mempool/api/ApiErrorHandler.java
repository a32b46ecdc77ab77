package io.numicoin.mempool.api;

import io.numicoin.support.problem.ProblemAnswer;
import io.numicoin.support.problem.ProblemExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error under {@code /api/} as problem+json in the vocabulary all services share
 * ({@link ProblemExceptionHandler}): the API's own refusals ({@link ApiException}), unknown paths,
 * wrong methods and unreadable input alike; anything else a 500 naming no internals.
 */
@Component
@Order(-10)
public class ApiErrorHandler extends ProblemExceptionHandler {

    public ApiErrorHandler(JsonMapper json) {
        super(json, error -> error instanceof ApiException api
                ? new ProblemAnswer(api.status().value(), api.rule(), api.getMessage(), api.properties())
                : null);
    }
}
