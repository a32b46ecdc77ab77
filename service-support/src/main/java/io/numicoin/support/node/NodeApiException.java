package io.numicoin.support.node;

import io.numicoin.support.httpclient.ServiceCallException;

/**
 * A call to the node's API failed; {@link #reason()} says how. An error status carries the node's
 * problem document ({@link #problem()}: its {@code rule}, e.g. {@code BAD_NONCE}, and detail).
 */
public final class NodeApiException extends ServiceCallException {

    NodeApiException(ServiceCallException failure) {
        super(failure);
    }
}
