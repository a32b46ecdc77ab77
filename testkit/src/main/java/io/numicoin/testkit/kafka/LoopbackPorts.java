package io.numicoin.testkit.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks TCP ports on 127.0.0.1 that are free right now (the OS chooses them). */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * Two different free ports, both held open while the second is chosen (picking one port at a
     * time can return the same port twice: the first is closed before the second is asked for).
     */
    static int[] twoFreePorts() {
        try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket second = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP ports on 127.0.0.1", e);
        }
    }
}
