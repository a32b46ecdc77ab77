package io.numicoin.node.api.admin;

/**
 * One operator action exposed as {@code POST /admin/<name>} on the management port (never on the
 * public API port), behind the admin token. Implementations are beans; each runs blocking, off
 * the event loop, within the admin timeout.
 */
public interface AdminOperation {

    /** The URL segment, lower-kebab case, e.g. {@code integrity-check}. */
    String name();

    /** One line for the operation list ({@code GET /admin}). */
    String description();

    /**
     * Runs the operation.
     *
     * @return the result, serialised as JSON
     * @throws Exception if the operation failed (reported as a 500 problem with its message)
     */
    Object run() throws Exception;
}
