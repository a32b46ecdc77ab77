package io.numicoin.gateway.backend;

import io.numicoin.gateway.route.Backend;

/** A backend could not answer: no instance in rotation, its circuit open, its bulkhead full, a timeout or a refused connection. */
public final class BackendUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, as the problem's rule. */
    public enum Reason { UNAVAILABLE, BUSY, TIMEOUT }

    private final transient Backend backend;
    private final Reason reason;

    public BackendUnavailableException(Backend backend, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.backend = backend;
        this.reason = reason;
    }

    public Backend backend() {
        return backend;
    }

    public Reason reason() {
        return reason;
    }
}
