package io.numicoin.explorer.node;

/** The node's API did not answer usefully (unreachable, timeout, an error status, an unreadable body). */
public final class NodeUnavailableException extends RuntimeException {

    public NodeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
