package io.numicoin.mempool.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP relay in front of a real server whose answers can be held back: while paused, what the
 * server sends is kept and delivered on {@link #resume()}. For races that need "the answer was
 * computed, then the world changed, then the answer arrived".
 */
final class PausableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Object lock = new Object();
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private boolean paused;
    private OutputStream heldFor;

    PausableProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    /** Bytes the server sent while paused, not delivered yet. */
    int heldBytes() {
        synchronized (lock) {
            return held.size();
        }
    }

    void resume() throws IOException {
        synchronized (lock) {
            paused = false;
            if (heldFor != null && held.size() > 0) {
                heldFor.write(held.toByteArray());
                heldFor.flush();
            }
            held.reset();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Thread.ofVirtual().start(() -> pump(client::getInputStream, upstream, false));
                Thread.ofVirtual().start(() -> pump(upstream::getInputStream, client, true));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(InputStreamSupplier from, Socket to, boolean answers) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.get(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (lock) {
                    if (answers && paused) {
                        held.write(buffer, 0, n);
                        heldFor = out;
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // either side closed
        }
    }

    @FunctionalInterface
    private interface InputStreamSupplier {
        InputStream get() throws IOException;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
