package io.numicoin.seed.dns;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS over TCP (RFC 7766): each message after a two-byte length. A virtual thread per connection;
 * at most {@code maxConnections} at once and {@code maxPerClient} from one IP; a connection idle for
 * {@code idleTimeout} or past {@code maxQueriesPerConnection} is closed, as is one that sends a
 * length outside 12..{@link DnsResponder#MAX_QUERY_BYTES} or a query the responder drops.
 */
final class TcpDnsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpDnsServer.class);

    private final ServerSocket server;
    private final DnsResponder responder;
    private final ClientRateLimiter limiter;
    private final DnsMetrics metrics;
    private final Semaphore connections;
    private final int maxPerClient;
    private final Map<InetAddress, Integer> perClient = new ConcurrentHashMap<>();
    private final int idleMillis;
    private final int maxQueriesPerConnection;
    private volatile Thread acceptor;

    TcpDnsServer(InetSocketAddress bind, DnsResponder responder, ClientRateLimiter limiter, DnsMetrics metrics, int maxConnections,
            int maxPerClient, Duration idleTimeout, int maxQueriesPerConnection) throws IOException {
        this.server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(bind, 128);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        this.responder = responder;
        this.limiter = limiter;
        this.metrics = metrics;
        this.connections = new Semaphore(maxConnections);
        this.maxPerClient = maxPerClient;
        this.idleMillis = Math.toIntExact(idleTimeout.toMillis());
        this.maxQueriesPerConnection = maxQueriesPerConnection;
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    void start() {
        acceptor = Thread.ofPlatform().daemon().name("seed-dns-tcp-accept").start(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.debug("accept failed: {}", e.toString());
                }
                continue;
            }
            InetAddress client = socket.getInetAddress();
            if (!connections.tryAcquire()) {
                closeQuietly(socket);
                continue;
            }
            if (perClient.merge(client, 1, Integer::sum) > maxPerClient) {
                release(client);
                closeQuietly(socket);
                continue;
            }
            Thread.ofVirtual().name("seed-dns-tcp").start(() -> {
                try (socket) {
                    serve(socket);
                } catch (IOException | RuntimeException e) {
                    log.debug("TCP connection from {} ended: {}", client, e.toString());
                } finally {
                    release(client);
                }
            });
        }
    }

    private void serve(Socket socket) throws IOException {
        socket.setSoTimeout(idleMillis);
        socket.setTcpNoDelay(true);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        byte[] buffer = new byte[DnsResponder.MAX_QUERY_BYTES];
        for (int served = 0; served < maxQueriesPerConnection; served++) {
            int length = readLength(in);
            if (length < 0) {
                return;
            }
            if (length < 12 || length > DnsResponder.MAX_QUERY_BYTES) {
                metrics.reply(DnsTransport.TCP, DnsReply.Kind.DROPPED);
                return;
            }
            in.readFully(buffer, 0, length);
            if (!limiter.tryAcquire(socket.getInetAddress())) {
                metrics.rateLimited(DnsTransport.TCP);
                return;
            }
            DnsReply reply = responder.respond(buffer, length, DnsTransport.TCP);
            metrics.reply(DnsTransport.TCP, reply.kind());
            if (reply.wire().isEmpty()) {
                return;
            }
            byte[] wire = reply.wire().get();
            byte[] framed = new byte[wire.length + 2];
            framed[0] = (byte) (wire.length >>> 8);
            framed[1] = (byte) wire.length;
            System.arraycopy(wire, 0, framed, 2, wire.length);
            out.write(framed);
            out.flush();
        }
    }

    /** The next message's length, or -1 at a clean end of stream. */
    private static int readLength(InputStream in) throws IOException {
        int hi = in.read();
        if (hi < 0) {
            return -1;
        }
        int lo = in.read();
        if (lo < 0) {
            throw new EOFException("length cut short");
        }
        return (hi << 8) | lo;
    }

    private void release(InetAddress client) {
        perClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
        connections.release();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a refused connection
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Thread t = acceptor;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
