package io.numicoin.node.api.error;

import io.numicoin.node.chain.ChainUnavailableException;
import io.numicoin.support.problem.ProblemVocabulary;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Turns whatever a request failed with into an {@link ApiException}: our own pass through; timeouts,
 * an unreachable database and a chain service that cannot take calls become 503 with fixed text (the
 * cause is logged, never answered); Spring's own 4xx (unknown path, wrong method, a
 * parameter of the wrong type) keep their status with a rule of their own; anything else is a 500
 * that is logged and whose detail names no internals.
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
            case ServerWebInputException e -> Problems.invalidParameter(inputDetail(e));
            case ResponseStatusException e when resolve(e.getStatusCode()).is5xxServerError() -> {
                log.error("request failed", e);
                yield new ApiException(resolve(e.getStatusCode()), ruleOf(e.getStatusCode()), resolve(e.getStatusCode()).getReasonPhrase());
            }
            case ResponseStatusException e -> new ApiException(resolve(e.getStatusCode()), ruleOf(e.getStatusCode()),
                    e.getReason() != null ? e.getReason() : resolve(e.getStatusCode()).getReasonPhrase());
            default -> {
                log.error("request failed", error);
                yield new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, ProblemVocabulary.INTERNAL_DETAIL);
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

    private static String ruleOf(HttpStatusCode code) {
        return switch (resolve(code)) {
            case NOT_FOUND -> Problems.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case UNSUPPORTED_MEDIA_TYPE -> Problems.UNSUPPORTED_MEDIA_TYPE;
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case CONTENT_TOO_LARGE -> Problems.TOO_LARGE;
            case BAD_REQUEST -> Problems.INVALID_PARAMETER;
            default -> resolve(code).is5xxServerError() ? Problems.INTERNAL : "HTTP_" + code.value();
        };
    }
}
