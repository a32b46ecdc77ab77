package io.numicoin.mempool.api;

import io.numicoin.mempool.kafka.PublishFailedException;
import io.numicoin.support.problem.ProblemAnswer;
import io.numicoin.support.problem.ProblemExceptionHandler;
import io.numicoin.support.problem.ProblemVocabulary;
import java.util.concurrent.CompletionException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error under {@code /api/} as problem+json in the vocabulary all services share
 * ({@link ProblemExceptionHandler}): the API's own refusals ({@link ApiException}), unknown paths,
 * wrong methods and unreadable input alike; an offer Kafka did not acknowledge a 503 {@code UNAVAILABLE};
 * anything else a 500 naming no internals.
 */
@Component
@Order(-10)
public class ApiErrorHandler extends ProblemExceptionHandler {

    public ApiErrorHandler(JsonMapper json) {
        super(json, ApiErrorHandler::mempoolAnswer);
    }

    private static ProblemAnswer mempoolAnswer(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return switch (cause) {
            case ApiException api -> new ProblemAnswer(api.status().value(), api.rule(), api.getMessage(), api.properties());
            // the offer was undone (docs/mempool.md): the client may send it again
            case PublishFailedException e -> ProblemAnswer.of(503, ProblemVocabulary.UNAVAILABLE,
                    "the transfer could not be announced to the pool's subscribers and was not kept; try again");
            default -> null;
        };
    }
}
