package io.numicoin.p2p.multiaddr;

/** A multiaddr text or binary form that is malformed, unsupported or out of bounds. */
public class MultiaddrException extends IllegalArgumentException {

    public MultiaddrException(String message) {
        super(message);
    }
}
