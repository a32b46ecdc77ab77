package io.numicoin.p2p.host.netty;

import io.numicoin.p2p.host.ConnectionGater;

/**
 * The host-wide switches every new socket is checked against: whether the host is closed, whether
 * networking is on, and the gater that admits addresses and peers. Each is a volatile read.
 */
final class HostSwitches {

    private volatile ConnectionGater gater = ConnectionGater.ALLOW_ALL;
    private volatile boolean closed;
    private volatile boolean networkActive = true;

    ConnectionGater gater() {
        return gater;
    }

    void setGater(ConnectionGater gater) {
        this.gater = gater;
    }

    boolean closed() {
        return closed;
    }

    /** Marks the host closed; false when it already was. */
    boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    boolean networkActive() {
        return networkActive;
    }

    /** Switches networking on or off and returns whether it was on before. */
    boolean setNetworkActive(boolean active) {
        boolean wasActive = networkActive;
        networkActive = active;
        return wasActive;
    }
}
