package io.numicoin.p2p.mux.yamux;

/** A yamux frame that breaks the protocol; the session answers with GoAway(protocol error) and closes. */
public class YamuxException extends Exception {

    public YamuxException(String message) {
        super(message);
    }
}
