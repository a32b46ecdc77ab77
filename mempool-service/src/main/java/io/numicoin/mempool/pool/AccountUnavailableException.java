package io.numicoin.mempool.pool;

/** The account state could not be read (the node's API did not answer in time, or answered an error). */
public final class AccountUnavailableException extends RuntimeException {

    public AccountUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
