package io.numicoin.node.p2p.discovery;

/** A peer-exchange message that does not decode. */
public final class PeerExchangeException extends Exception {

    public PeerExchangeException(String message) {
        super(message);
    }
}
