package io.numicoin.pool;

import io.numicoin.support.problem.ProblemExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The pool API's errors as problem+json in the vocabulary every service shares. */
@Component
@Order(-10)
class PoolApiErrorHandler extends ProblemExceptionHandler {

    PoolApiErrorHandler(JsonMapper json) {
        super(json, error -> null);
    }
}
