package io.numicoin.miner;

import io.numicoin.support.problem.ProblemExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The miner API's errors (unknown paths, wrong methods, a failure reading its status) as problem+json
 * in the vocabulary every service shares; a 500 names no internals.
 */
@Component
@Order(-10)
class MinerApiErrorHandler extends ProblemExceptionHandler {

    MinerApiErrorHandler(JsonMapper json) {
        super(json, error -> null);
    }
}
