package io.numicoin.node.chain;

/**
 * The chain service cannot take the call: it has not started, the startup integrity check failed
 * (the message says why and names {@code --numi.command=reindex}), or the import lock was not free
 * within its timeout. The API answers 503.
 */
public class ChainUnavailableException extends RuntimeException {

    public ChainUnavailableException(String message) {
        super(message);
    }

    public ChainUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
