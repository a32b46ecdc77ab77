package io.numicoin.node.p2p.discovery;

/** An mDNS packet that does not parse. */
public final class MdnsException extends Exception {

    public MdnsException(String message) {
        super(message);
    }
}
