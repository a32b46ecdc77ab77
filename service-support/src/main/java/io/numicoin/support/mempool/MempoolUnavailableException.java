package io.numicoin.support.mempool;

/** The mempool gave no verdict: no connection, no answer in time, a 5xx or an answer that is not one. */
public final class MempoolUnavailableException extends RuntimeException {

    public MempoolUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
