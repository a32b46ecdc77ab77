package io.numicoin.miner.upstream;

import io.numicoin.support.httpclient.ServiceCallException;

/**
 * A call to the node or the mempool failed; {@link #reason()} says how. The mining job backs off
 * and reports the message in its health.
 */
public final class UpstreamException extends RuntimeException {

    /** How a call failed. */
    public enum Reason {
        /** No connection (refused, reset, unknown host). */
        UNREACHABLE,
        /** No answer within the deadline. */
        TIMEOUT,
        /** An HTTP error status (the message holds the problem's rule and detail). */
        HTTP_ERROR,
        /** An answer that does not parse or does not fit what was asked. */
        BAD_RESPONSE,
        /** The chain moved while the miner was reading it: build again. */
        TIP_MOVED
    }

    private final Reason reason;
    private final int status;
    private final String rule;

    public UpstreamException(Reason reason, int status, String message, Throwable cause) {
        this(reason, status, "", message, cause);
    }

    public UpstreamException(Reason reason, int status, String rule, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.status = status;
        this.rule = rule;
    }

    public UpstreamException(Reason reason, String message) {
        this(reason, 0, message, null);
    }

    /** A failed call to the node or the mempool under the miner's name for it; the same reason, status and rule. */
    public static UpstreamException from(ServiceCallException failure) {
        return new UpstreamException(Reason.valueOf(failure.reason().name()), failure.status(), failure.rule(), failure.getMessage(), failure);
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status for {@link Reason#HTTP_ERROR}, else 0. */
    public int status() {
        return status;
    }

    /** The problem's {@code rule} of an {@link Reason#HTTP_ERROR} answer (e.g. {@code BAD_NONCE}), or empty. */
    public String rule() {
        return rule;
    }

    /** Worth another try of the same call: no connection, no answer, or a 5xx. */
    public boolean transientFailure() {
        return reason == Reason.UNREACHABLE || reason == Reason.TIMEOUT || (reason == Reason.HTTP_ERROR && status >= 500);
    }
}
