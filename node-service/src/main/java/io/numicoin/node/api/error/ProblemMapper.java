package io.numicoin.node.api.error;

import io.numicoin.node.chain.ChainUnavailableException;
import io.numicoin.support.problem.ProblemAnswer;
import io.numicoin.support.problem.ProblemExceptionHandler;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;

/**
 * Turns whatever a request failed with into an {@link ApiException}: our own pass through; timeouts,
 * an unreachable database and a chain service that cannot take calls become 503 with fixed text (the
 * cause is logged, never answered); the rest is service-support's {@link ProblemExceptionHandler#standard}
 * (Spring's 4xx with a rule of their own, anything else a logged 500 naming no internals).
 */
public final class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    private ProblemMapper() {
    }

    public static ApiException toApiException(Throwable error) {
        return switch (error) {
            case ApiException api -> api;
            case ChainUnavailableException e -> {
                log.warn("chain service unavailable: {}", e.getMessage());
                yield new ApiException(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE,
                        "the chain service cannot take the call now (busy, shutting down or refusing after a failed check); try again");
            }
            case TimeoutException _ -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, Problems.TIMEOUT,
                    "the node did not answer in time; try again");
            case DataAccessException e -> {
                log.warn("database unavailable: {}", e.getMessage());
                yield new ApiException(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE,
                        "the node's database is not reachable; try again");
            }
            default -> {
                ProblemAnswer answer = ProblemExceptionHandler.standard(error);
                yield new ApiException(HttpStatus.valueOf(answer.status()), answer.rule(), answer.detail());
            }
        };
    }

    /** The answer service-support's handler writes. */
    static ProblemAnswer answer(Throwable error) {
        ApiException api = toApiException(error);
        return new ProblemAnswer(api.status().value(), api.rule(), api.detail(), api.extra());
    }
}
