package io.numicoin.support.httpclient;

import io.numicoin.support.problem.Problem;
import java.util.Optional;

/**
 * A call to another service's HTTP API failed; {@link #reason()} says how. An error status carries
 * the service's problem document ({@link #problem()}: its {@code rule}, e.g. {@code BAD_NONCE}, and
 * detail). Services may subclass it to name the API (the node client's {@code NodeApiException}).
 */
public class ServiceCallException extends RuntimeException {

    /** How a call failed. */
    public enum Reason {
        /** No connection (refused, reset, unknown host), or the caller was interrupted. */
        UNREACHABLE,
        /** No connection or no answer within the deadline. */
        TIMEOUT,
        /** An HTTP error status; {@link #problem()} holds the service's problem document. */
        HTTP_ERROR,
        /** An answer that is too large, does not parse, or does not fit what was asked. */
        BAD_RESPONSE
    }

    private final Reason reason;
    private final Problem problem;

    public ServiceCallException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        if (reason == Reason.HTTP_ERROR) {
            throw new IllegalArgumentException("an HTTP error carries its problem document");
        }
        this.reason = reason;
        this.problem = null;
    }

    public ServiceCallException(Problem problem, String message) {
        super(message);
        this.reason = Reason.HTTP_ERROR;
        this.problem = problem;
    }

    /** The same failure under a subclass's name: message, cause, reason and problem kept. */
    protected ServiceCallException(ServiceCallException failure) {
        super(failure.getMessage(), failure.getCause());
        this.reason = failure.reason;
        this.problem = failure.problem;
        setStackTrace(failure.getStackTrace());
    }

    public Reason reason() {
        return reason;
    }

    /** The problem document of an {@link Reason#HTTP_ERROR} answer (rule {@code HTTP_<status>} when it named none). */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** The HTTP status of an {@link Reason#HTTP_ERROR} answer, else 0. */
    public int status() {
        return problem == null ? 0 : problem.status();
    }

    /** The problem's {@code rule} of an {@link Reason#HTTP_ERROR} answer, else empty. */
    public String rule() {
        return problem == null ? "" : problem.rule();
    }

    /** Worth another try of the same call: no connection, no answer, or a 5xx. */
    public boolean transientFailure() {
        return reason == Reason.UNREACHABLE || reason == Reason.TIMEOUT || (reason == Reason.HTTP_ERROR && status() >= 500);
    }
}
