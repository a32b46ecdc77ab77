package io.numicoin.network.peers;

/** A peer-exchange message that does not decode. */
public final class PeerExchangeException extends Exception {

    public PeerExchangeException(String message) {
        super(message);
    }
}
