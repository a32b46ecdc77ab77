package io.numicoin.gateway.web;

import io.numicoin.gateway.backend.BackendUnavailableException;
import io.numicoin.support.problem.ProblemAnswer;
import io.numicoin.support.problem.ProblemExceptionHandler;
import io.numicoin.support.problem.ProblemVocabulary;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's errors as problem+json: a backend that cannot answer is 503 {@code UNAVAILABLE},
 * {@code BUSY} or {@code TIMEOUT} naming the backend (never its address), the rest as every service
 * answers them (an unreadable body 400, a body over its limit 413, …).
 */
public final class GatewayProblemHandler extends ProblemExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

    public GatewayProblemHandler(JsonMapper json) {
        super(json, GatewayProblemHandler::map);
    }

    private static ProblemAnswer map(Throwable error) {
        if (error instanceof org.springframework.core.io.buffer.DataBufferLimitException) {
            return ProblemAnswer.of(413, ProblemVocabulary.TOO_LARGE, "the body is larger than the route takes");
        }
        if (error instanceof BackendUnavailableException e) {
            return unavailable(e);
        }
        return null;
    }

    /** The 503 problem of a backend that could not answer: the rule of its reason, the backend's name, never its address. */
    public static ProblemAnswer unavailable(BackendUnavailableException e) {
        String backend = e.backend().name().toLowerCase(Locale.ROOT);
        log.warn("{} unavailable: {}", backend, e.getMessage());
        String rule = switch (e.reason()) {
            case UNAVAILABLE -> ProblemVocabulary.UNAVAILABLE;
            case BUSY -> "BUSY";
            case TIMEOUT -> ProblemVocabulary.TIMEOUT;
        };
        String detail = switch (e.reason()) {
            case UNAVAILABLE -> "the " + backend + " backend is unavailable; try again later";
            case BUSY -> "the " + backend + " backend has too many requests in flight; try again";
            case TIMEOUT -> "the " + backend + " backend did not answer in time; try again";
        };
        return new ProblemAnswer(503, rule, detail, Map.of("backend", backend));
    }
}
